# threadlab-only
# Deriving from a built-in type is refused at the class statement.
class Stack(list):
    pass
