
from collections import namedtuple as _namedtuple

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)
_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    try:
        it = iter(iterable)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        value = next(it, _initial_missing)
        if value is _initial_missing:
            raise TypeError("reduce() of empty iterable with no initial value")
    else:
        value = initial
    for item in it:
        value = function(value, item)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            merged = dict(func.keywords)
            merged.update(keywords)
            keywords = merged
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args] + [k + "=" + repr(v) for k, v in self.keywords.items()]
        return "functools.partial(" + ", ".join(parts) + ")"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    _copy_name(wrapper, wrapped)
    if not callable(wrapper) or type(wrapper).__name__ == "function":
        return wrapper
    for name in assigned:
        if hasattr(wrapped, name):
            setattr(wrapper, name, getattr(wrapped, name))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorate(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorate


_CacheInfo = _namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
_keyword_mark = object()


class _LruCacheWrapper:
    def __init__(self, user_function, maxsize, typed):
        self.__wrapped__ = user_function
        self.__name__ = getattr(user_function, "__name__", "?")
        self.__qualname__ = getattr(user_function, "__qualname__", self.__name__)
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0

    def _key(self, args, kwargs):
        key = args
        if kwargs:
            key = key + (_keyword_mark,) + tuple(kwargs.items())
        if self._typed:
            key = key + tuple(type(a) for a in args) + tuple(type(v) for v in kwargs.values())
        return key

    def __call__(self, *args, **kwargs):
        key = self._key(args, kwargs)
        cache = self._cache
        try:
            found = key in cache
        except TypeError:
            for value in args + tuple(kwargs.values()):
                hash(value)  # names the unhashable argument, as CPython's message does
            raise
        if found:
            self._hits += 1
            value = cache.pop(key)
            cache[key] = value  # the most recently used goes last
            return value
        self._misses += 1
        value = self.__wrapped__(*args, **kwargs)
        if self._maxsize is None or self._maxsize > 0:
            if key not in cache and self._maxsize is not None and len(cache) >= self._maxsize:
                del cache[next(iter(cache))]
            cache[key] = value
        return value

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = 0
        self._misses = 0

    def cache_parameters(self):
        return {"maxsize": self._maxsize, "typed": self._typed}

    def __repr__(self):
        return "<functools._lru_cache_wrapper object at " + hex(id(self)) + ">"


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and isinstance(typed, bool):
        return _LruCacheWrapper(maxsize, 128, typed)
    if maxsize is not None:
        if not isinstance(maxsize, int):
            raise TypeError("Expected first argument to be an integer, a callable, or None")
        if maxsize < 0:
            maxsize = 0

    def decorating_function(user_function):
        return _LruCacheWrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function):
    return _LruCacheWrapper(user_function, None, False)


def _not_op(op):
    def method(self, other):
        result = op(self, other)
        return result if result is NotImplemented else not result
    return method


# How total_ordering derives each missing method from the one the class defines: from the
# defined method's result and, where needed, == or !=.
_combinations = {
    "__lt__": {"__gt__": lambda self, other, lt: not lt and self != other,
               "__le__": lambda self, other, lt: lt or self == other,
               "__ge__": lambda self, other, lt: not lt},
    "__le__": {"__ge__": lambda self, other, le: not le or self == other,
               "__lt__": lambda self, other, le: le and self != other,
               "__gt__": lambda self, other, le: not le},
    "__gt__": {"__lt__": lambda self, other, gt: not gt and self != other,
               "__ge__": lambda self, other, gt: gt or self == other,
               "__le__": lambda self, other, gt: not gt},
    "__ge__": {"__le__": lambda self, other, ge: not ge or self == other,
               "__gt__": lambda self, other, ge: ge and self != other,
               "__lt__": lambda self, other, ge: not ge},
}


def _derived(root, kind):
    # NotImplemented from the defined method is passed on, so that the other operand's method
    # and then the TypeError naming both types follow, as with CPython's total_ordering.
    combine = _combinations[root][kind]

    def method(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        return combine(self, other, result)
    return method


def total_ordering(cls):
    defined = [name for name in ("__lt__", "__le__", "__gt__", "__ge__")
               if hasattr(cls, name) and getattr(cls, name) is not getattr(object, name, None)]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]
    for name in ("__lt__", "__le__", "__gt__", "__ge__"):
        if name not in defined:
            setattr(cls, name, _derived(root, name))
    return cls


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
    return K
