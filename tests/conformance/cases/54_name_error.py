# An undefined name raises NameError when the line runs, not when it is compiled.
def report(total):
    print("total is", total)
    print("average is", total / threads_count)

def never_called():
    return undefined_helper()

print("starting")
try:
    print(missing_value)
except NameError as e:
    print("caught:", e)
report(10)
print("not reached")
