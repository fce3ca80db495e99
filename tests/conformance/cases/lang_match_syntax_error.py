# A match statement whose first case captures everything: CPython refuses the program.
def kind(value):
    match value:
        case other:
            return "anything"
        case 0:
            return "zero"


print(kind(0))
