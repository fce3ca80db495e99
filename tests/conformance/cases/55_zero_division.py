# Division by zero: the message depends on the operator and operand types.
def safe(op, a, b):
    try:
        if op == "/":
            return a / b
        if op == "//":
            return a // b
        return a % b
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)

for op in ["/", "//", "%"]:
    print(op, safe(op, 7, 0), "|", safe(op, 7.0, 0), "|", safe(op, 7, 2))

def utilisation(busy, wall):
    return busy / wall * 100

samples = [(3, 4), (1, 2), (0, 0)]
for busy, wall in samples:
    print("utilisation %.1f%%" % utilisation(busy, wall))
