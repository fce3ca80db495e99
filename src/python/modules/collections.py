# The collections module: deque, Counter, defaultdict, OrderedDict and namedtuple, written in
# Python. Threadlab classes cannot derive from the built-in dict or tuple, so the mapping types
# keep a dict inside (_MappingWrapper below) and a namedtuple keeps its values in a tuple; what
# they print, return and raise is CPython's.
from operator import itemgetter as _itemgetter


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self.maxlen = maxlen
        self._items = []
        self.extend(iterable)

    def _trim_left(self):
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[:len(self._items) - self.maxlen]

    def _trim_right(self):
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[self.maxlen:]

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def rotate(self, n=1):
        size = len(self._items)
        if size:
            n = n % size
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def copy(self):
        return deque(self._items, self.maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *bounds):
        for i in range(*(bounds or (0, len(self._items)))):
            if i < len(self._items) and self._items[i] == x:
                return i
        raise ValueError(repr(x) + " is not in deque")

    def insert(self, i, x):
        if self.maxlen is not None and len(self._items) >= self.maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def remove(self, value):
        for i in range(len(self._items)):
            if self._items[i] == value:
                del self._items[i]
                return
        raise ValueError(repr(value) + " is not in deque")

    def reverse(self):
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __bool__(self):
        return len(self._items) > 0

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '" + type(i).__name__ + "'")
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("deque index out of range")
        return self._items[i]

    def __setitem__(self, i, x):
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("deque index out of range")
        self._items[i] = x

    def __delitem__(self, i):
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("deque index out of range")
        del self._items[i]

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __ne__(self, other):
        return not self == other

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__ + '") to deque')
        return deque(self._items + other._items, self.maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __repr__(self):
        if self.maxlen is None:
            return "deque(" + repr(self._items) + ")"
        return "deque(" + repr(self._items) + ", maxlen=" + repr(self.maxlen) + ")"


# The mapping protocol over a dict kept in self._data.
class _MappingWrapper:
    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __contains__(self, key):
        return key in self._data

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __bool__(self):
        return len(self._data) > 0

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def clear(self):
        self._data.clear()

    def update(self, *args, **kwargs):
        self._data.update(*args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, _MappingWrapper):
            return self._data == other._data
        return self._data == other

    def __ne__(self, other):
        return not self == other


def _pairs_of(source):
    if isinstance(source, _MappingWrapper):
        return list(source._data.items())
    if isinstance(source, dict):
        return list(source.items())
    return None


class Counter(_MappingWrapper):
    def __init__(self, iterable=None, **kwargs):
        self._data = {}
        self.update(iterable, **kwargs)

    def __getitem__(self, key):
        return self._data.get(key, 0)

    # update() adds the counts of a mapping or the elements of an iterable; subtract() takes them away.
    def _add_counts(self, iterable, kwargs, sign):
        if iterable is not None:
            pairs = _pairs_of(iterable)
            if pairs is None:
                pairs = [(key, 1) for key in iterable]
            for key, count in pairs:
                self._data[key] = self._data.get(key, 0) + sign * count
        for key, count in kwargs.items():
            self._data[key] = self._data.get(key, 0) + sign * count

    def update(self, iterable=None, **kwargs):
        self._add_counts(iterable, kwargs, 1)

    def subtract(self, iterable=None, **kwargs):
        self._add_counts(iterable, kwargs, -1)

    def most_common(self, n=None):
        ordered = sorted(self._data.items(), key=_itemgetter(1), reverse=True)
        return ordered if n is None else ordered[:max(n, 0)]

    def elements(self):
        for key, count in self._data.items():
            for _ in range(count):
                yield key

    def total(self):
        return sum(self._data.values())

    def copy(self):
        return Counter(self)

    def _combine(self, other, keep):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for key in list(self._data) + [k for k in other._data if k not in self._data]:
            count = keep(self[key], other[key])
            if count > 0:
                result._data[key] = count
        return result

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __or__(self, other):
        return self._combine(other, max)

    def __and__(self, other):
        return self._combine(other, min)

    def __repr__(self):
        if not self._data:
            return "Counter()"
        return "Counter({" + ", ".join([repr(k) + ": " + repr(v) for k, v in self.most_common()]) + "})"


class defaultdict(_MappingWrapper):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        self._data = dict(*args, **kwargs)

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    def __repr__(self):
        factory = self.default_factory
        return "defaultdict(" + repr(factory) + ", " + repr(self._data) + ")"


class OrderedDict(_MappingWrapper):
    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if args:
            pairs = _pairs_of(args[0])
            self._data.update(pairs if pairs is not None else args[0])
        self._data.update(kwargs)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = list(self._data.items())
            self._data.clear()
            self._data[key] = value
            self._data.update(rest)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError("dictionary is empty")
        key = list(self._data)[-1 if last else 0]
        return key, self._data.pop(key)

    def copy(self):
        return OrderedDict(self)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return _MappingWrapper.__eq__(self, other)

    def __reversed__(self):
        return reversed(list(self._data))

    def __repr__(self):
        if not self._data:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self._data.items())) + ")"


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    for name in (typename,) + fields:
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: " + repr(name))
    seen = set()
    for name in fields:
        if name.startswith("_"):
            raise ValueError("Field names cannot start with an underscore: " + repr(name))
        if name in seen:
            raise ValueError("Encountered duplicate field name: " + repr(name))
        seen.add(name)
    default_values = tuple(defaults) if defaults is not None else ()
    if len(default_values) > len(fields):
        raise TypeError("Got more default values than field names")
    first_default = len(fields) - len(default_values)

    class _NamedTuple:
        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                raise TypeError(typename + ".__new__() takes " + str(len(fields) + 1) + " positional arguments but " + str(len(args) + 1) + " were given")
            values = list(args)
            for i in range(len(args), len(fields)):
                name = fields[i]
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif i >= first_default:
                    values.append(default_values[i - first_default])
                else:
                    missing = [repr(n) for n in fields[i:] if n not in kwargs]
                    raise TypeError(typename + ".__new__() missing " + str(len(missing)) + " required positional argument" + ("s" if len(missing) > 1 else "") + ": " + ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1])
            for name in kwargs:
                raise TypeError(typename + ".__new__() got an unexpected keyword argument '" + name + "'")
            self._values = tuple(values)
            for name, value in zip(fields, values):
                setattr(self, name, value)

        def __getitem__(self, i):
            return self._values[i]

        def __len__(self):
            return len(self._values)

        def __iter__(self):
            return iter(self._values)

        def __contains__(self, x):
            return x in self._values

        def __eq__(self, other):
            if isinstance(other, tuple):
                return self._values == other
            return hasattr(other, "_values") and self._values == other._values

        def __ne__(self, other):
            return not self == other

        def __lt__(self, other):
            return self._values < tuple(other)

        def __add__(self, other):
            return self._values + tuple(other)

        def count(self, x):
            return self._values.count(x)

        def index(self, x):
            return self._values.index(x)

        def _asdict(self):
            return dict(zip(fields, self._values))

        def _replace(self, **changes):
            values = [changes.pop(name, value) for name, value in zip(fields, self._values)]
            if changes:
                raise ValueError("Got unexpected field names: " + repr(list(changes)))
            return _NamedTuple(*values)

        def __repr__(self):
            return typename + "(" + ", ".join([n + "=" + repr(v) for n, v in zip(fields, self._values)]) + ")"

    def _make(iterable):
        return _NamedTuple(*iterable)

    _NamedTuple.__name__ = typename
    _NamedTuple.__qualname__ = typename
    _NamedTuple._fields = fields
    _NamedTuple._field_defaults = dict(zip(fields[first_default:], default_values))
    _NamedTuple._make = _make
    return _NamedTuple
