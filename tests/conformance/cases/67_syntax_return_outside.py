# return is only allowed inside a function body.
limit = 3
print("never printed")

def first_even(values):
    for v in values:
        if v % 2 == 0:
            return v
    return None

for i in range(limit):
    if i == first_even([1, 2]):
        return i
