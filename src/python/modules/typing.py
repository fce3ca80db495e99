# The typing module, as far as ordinary programs use it: the names importable, subscriptable
# (List[int], Optional[str], Callable[[int], str]) and printed as CPython prints them, plus
# TypeVar, cast, overload and TYPE_CHECKING. Annotations are accepted;
# nothing is checked at run time, as in CPython. In Python.
TYPE_CHECKING = False


def _type_text(t):
    if isinstance(t, _Alias):
        return repr(t)
    if t is None or t is type(None):
        return "None"
    if isinstance(t, type):
        return t.__name__ if t.__module__ == "builtins" else t.__module__ + "." + t.__qualname__
    if isinstance(t, list):
        return "[" + ", ".join(_type_text(a) for a in t) + "]"
    return repr(t)


class _Alias:
    def __init__(self, name, args=None, origin=None):
        self._name = name
        self.__args__ = args
        self.__origin__ = origin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Optional":
            return _Alias("Optional", params, Union)
        return _Alias(self._name, params, self.__origin__)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None or isinstance(self.__origin__, _Alias):
            raise TypeError("Type " + self._name + " cannot be instantiated; use " + self._name.lower() + "() instead")
        return self.__origin__(*args, **kwargs)

    def __or__(self, other):
        return _Alias("Union", (self, other), None)

    def __repr__(self):
        if self.__args__ is None:
            return "typing." + self._name
        return "typing." + self._name + "[" + ", ".join(_type_text(a) for a in self.__args__) + "]"


Any = _Alias("Any")
NoReturn = _Alias("NoReturn")
Never = _Alias("Never")
Union = _Alias("Union")
Optional = _Alias("Optional")
Callable = _Alias("Callable")
ClassVar = _Alias("ClassVar")
Final = _Alias("Final")
Literal = _Alias("Literal")
Annotated = _Alias("Annotated")
Generic = _Alias("Generic")
Protocol = _Alias("Protocol")
Type = _Alias("Type", None, type)
List = _Alias("List", None, list)
Dict = _Alias("Dict", None, dict)
Set = _Alias("Set", None, set)
FrozenSet = _Alias("FrozenSet", None, frozenset)
Tuple = _Alias("Tuple", None, tuple)
DefaultDict = _Alias("DefaultDict")
OrderedDict = _Alias("OrderedDict")
Counter = _Alias("Counter")
Deque = _Alias("Deque")
Iterable = _Alias("Iterable")
Iterator = _Alias("Iterator")
Generator = _Alias("Generator")
AsyncIterator = _Alias("AsyncIterator")
AsyncIterable = _Alias("AsyncIterable")
AsyncGenerator = _Alias("AsyncGenerator")
Awaitable = _Alias("Awaitable")
Coroutine = _Alias("Coroutine")
Sequence = _Alias("Sequence")
MutableSequence = _Alias("MutableSequence")
Mapping = _Alias("Mapping")
MutableMapping = _Alias("MutableMapping")
AbstractSet = _Alias("AbstractSet")
Collection = _Alias("Collection")
Container = _Alias("Container")
Hashable = _Alias("Hashable")
Sized = _Alias("Sized")
Reversible = _Alias("Reversible")
SupportsInt = _Alias("SupportsInt")
SupportsFloat = _Alias("SupportsFloat")
ContextManager = _Alias("ContextManager")
IO = _Alias("IO")
TextIO = _Alias("TextIO")
Pattern = _Alias("Pattern")
Match = _Alias("Match")
Text = str
AnyStr = _Alias("AnyStr")


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self._prefix = "+" if covariant else "-" if contravariant else "~"

    def __repr__(self):
        return self._prefix + self.__name__


def NewType(name, tp):
    def new_type(x):
        return x
    return new_type


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj):
    return dict(getattr(obj, "__annotations__", {}))
