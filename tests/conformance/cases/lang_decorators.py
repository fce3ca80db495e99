# Decorators: stacked, with arguments, on classes; property with setter/deleter, staticmethod,
# classmethod (with super()), __init_subclass__ and a user descriptor with __set_name__.
import time

def timer(func):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        elapsed = time.perf_counter() - start
        print(f"{func.__name__} took {'some' if elapsed >= 0 else 'no'} time")
        return result
    return wrapper

@timer
def work(n):
    return sum(i * i for i in range(n))

print(work(1000))

def repeat(times):
    def decorate(f):
        def inner(*a):
            return [f(*a) for _ in range(times)]
        return inner
    return decorate

def shout(f):
    return lambda *a: f(*a).upper()

@repeat(2)
@shout
def greet(name):
    return "hi " + name

print(greet("bob"))

registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        return cls
    return deco

@register("point")
class Point:
    def __init__(self, x, y):
        self._x = x
        self.y = y

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        if value < 0:
            raise ValueError("negative")
        self._x = value

    @x.deleter
    def x(self):
        print("deleting x")
        del self._x

    @staticmethod
    def origin_name():
        return "origin"

    @classmethod
    def origin(cls):
        return cls(0, 0)

    def norm2(self):
        return self.x ** 2 + self.y ** 2

print(registry["point"] is Point)
p = Point(3, 4)
print(p.x, p.norm2())
p.x = 5
print(p.x, p._x)
try:
    p.x = -1
except ValueError as e:
    print("error:", e)
del p.x
print(hasattr(p, "_x"))
print(Point.origin_name(), p.origin_name())
o = Point.origin()
print(type(o).__name__, o.x, o.y)
print(type(Point.x).__name__, Point.x.fget.__name__)

class Celsius:
    def __init__(self):
        self._t = 0
    def get_t(self):
        return self._t
    def set_t(self, v):
        self._t = v
    temperature = property(get_t, set_t)

c = Celsius()
c.temperature = 25
print(c.temperature)

class ReadOnly:
    @property
    def value(self):
        return 42

r = ReadOnly()
try:
    r.value = 1
except AttributeError as e:
    print(e)
try:
    del r.value
except AttributeError as e:
    print(e)

class Base:
    @classmethod
    def create(cls):
        print("Base.create for", cls.__name__)
        return cls()

class Child(Base):
    @classmethod
    def create(cls):
        print("Child.create")
        return super().create()

print(type(Child.create()).__name__)
sm = staticmethod(len)
print(sm("abc"))

class Plugin:
    plugins = []
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.plugins.append(cls.__name__)

class A(Plugin): pass
class B(Plugin): pass
print(Plugin.plugins)

class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, "_" + self.name, 0) * 10
    def __set__(self, obj, value):
        setattr(obj, "_" + self.name, value)

class M:
    d = Desc()
m = M()
m.d = 4
print(m.d, M.d.name)
