# __slots__ (inherited, a single str, unset slots), __new__ (singletons, object.__new__, a result
# that is not an instance), __init_subclass__ with class keywords and positional-only parameters.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
p.x = 5
print(p.x, p.y, Point.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print(e)

class Point3(Point):
    __slots__ = ["z"]

q = Point3(1, 2)
q.z = 9
print(q.x, q.z)
try:
    q.w = 1
except AttributeError as e:
    print(e)

class Open(Point):
    pass
o = Open(1, 2)
o.extra = "ok"
print(o.extra)

class Single:
    __slots__ = "value"
s = Single()
try:
    print(s.value)
except AttributeError as e:
    print(e)
s.value = 1
del s.value
try:
    del s.value
except AttributeError as e:
    print(e)

class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            print("creating")
        return cls._instance
    def __init__(self, name):
        self.name = name

a = Singleton("a")
b = Singleton("b")
print(a is b, a.name)

class Tagged:
    def __new__(cls, tag):
        obj = object.__new__(cls)
        obj.tag = tag.upper()
        return obj
t = Tagged("x")
print(t.tag, type(t).__name__)

class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())

class Registry:
    subclasses = {}
    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Registry.subclasses[key or cls.__name__] = cls

class Alpha(Registry, key="alpha"):
    pass

class Beta(Registry):
    pass
print(sorted(Registry.subclasses))
try:
    class Gamma(key="g"):
        pass
except TypeError as e:
    print(e)
def clamp(value, /, low=0, high=10):
    return max(low, min(high, value))
print(clamp(15), clamp(-3, low=-1), clamp(5, 0, 4))
try:
    clamp(value=3)
except TypeError as e:
    print(e)
def flexible(a, /, **kwargs):
    return a, kwargs
print(flexible(1, a=2))
