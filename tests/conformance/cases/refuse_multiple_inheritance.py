# threadlab-only
# Two bases other than object: refused at the class statement; object as a second base is fine.
class Walker:
    pass


class Swimmer:
    pass


class Plain(Walker, object):
    pass


print(Plain.__mro__[1].__name__)


class Duck(Walker, Swimmer):
    pass
