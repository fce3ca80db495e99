# A string literal must end on the line where it starts.
print("never printed")

def log(tid, message):
    print("Thread %d: %s" % (tid, message))

log(1, "starting")
message = "Thread 1: finishing
log(1, message)
log(2, "never")
