# Assigning to something that is not a name, item or attribute is a syntax error.
counter = 0
print("never printed")

def increment():
    global counter
    counter = counter + 1

for _ in range(3):
    increment()
counter + 1 = 2
print(counter)
