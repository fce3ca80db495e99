
import operator as _operator

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto", "unique"]

_auto_null = object()


class auto:
    # A member's value to be chosen by the class's _generate_next_value_.
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_member_candidate(name, value):
    # Names with a leading underscore, methods and descriptors stay plain class attributes.
    if name.startswith("_"):
        return False
    if callable(value) and not isinstance(value, auto):
        return False
    return not isinstance(value, (property, classmethod, staticmethod))


def _class_repr(cls):
    kind = "flag" if issubclass(cls, Flag) else "enum"
    return "<%s %r>" % (kind, cls.__name__)


def _find_member(cls, value):
    try:
        return cls._value2member_map_.get(value)
    except TypeError:
        # An unhashable value (a list): members are compared one by one.
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        return None


class EnumType:
    # The metaclass of Enum: what a program does with the enumeration class itself.
    def __call__(cls, value):
        member = _find_member(cls, value)
        if member is None:
            member = cls._missing_(value)
        if member is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        return member

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and 'EnumType'" % type(member).__qualname__)
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", ()):
            raise AttributeError("cannot reassign member %r" % name)
        object.__setattr__(cls, name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get("_member_map_", ()):
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, name))
        object.__delattr__(cls, name)

    def __repr__(cls):
        return _class_repr(cls)


EnumMeta = EnumType


def _make_members(cls):
    for base in cls.__mro__[1:]:
        if getattr(base, "_member_names_", None):
            raise TypeError("%s cannot extend %s" % (_class_repr(cls), _class_repr(base)))
    cls._member_names_ = []
    cls._member_map_ = {}
    cls._value2member_map_ = {}
    custom_init = cls.__init__ is not object.__init__
    last_values = []
    for name, value in list(cls.__dict__.items()):
        if not _is_member_candidate(name, value):
            continue
        if isinstance(value, auto):
            if value.value is _auto_null:
                value.value = cls._generate_next_value_(name, 1, len(cls._member_names_), last_values[:])
            value = value.value
        value = cls._coerce_value_(value)
        last_values.append(value)
        member = _find_member(cls, value)
        if member is None:
            member = object.__new__(cls)
            member._name_ = name
            member._value_ = value
            if custom_init:
                member.__init__(*(value if type(value) is tuple else (value,)))
            cls._member_names_.append(name)
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
        object.__setattr__(cls, name, member)
        cls._member_map_[name] = member
    cls.__members__ = dict(cls._member_map_)


def _readonly(attribute, public_name):
    def get(self):
        return getattr(self, attribute)

    def refuse(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute %r" % public_name)
    return property(get, refuse)


class Enum:
    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __init_subclass__(cls, **keywords):
        _make_members(cls)

    def _generate_next_value_(name, start, count, last_values):
        for value in reversed(last_values):
            if isinstance(value, int):
                return value + 1
        return start

    @classmethod
    def _coerce_value_(cls, value):
        return value

    @classmethod
    def _missing_(cls, value):
        return None

    name = _readonly("_name_", "name")
    value = _readonly("_value_", "value")

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _int_operator(op, reflected=False):
    def method(self, other):
        if reflected and op is _operator.mod and isinstance(other, (str, bytes)):
            # "%r" % member: formatting the member itself, which str's % does first in CPython.
            return other % (self,)
        other = other._value_ if isinstance(other, Enum) else other
        return op(other, self._value_) if reflected else op(self._value_, other)
    return method


def _int_unary(op):
    def method(self):
        return op(self._value_)
    return method


def _int_method(name, called=True):
    def method(self, *args, **keywords):
        value = getattr(self._value_, name)
        return value(*args, **keywords) if called else value
    return method


def _give_int_behaviour(cls, bitwise):
    # IntEnum and IntFlag members are ints in CPython (int is a base class): they compare,
    # count and format as their values (IntFlag keeps Flag's |, & and ^).
    names = ["eq", "ne", "lt", "le", "gt", "ge", "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift"]
    if bitwise:
        names += ["and_", "or_", "xor"]
    for name in names:
        op = getattr(_operator, name)
        dunder = name.rstrip("_")
        setattr(cls, "__" + dunder + "__", _int_operator(op))
        if name not in ("eq", "ne", "lt", "le", "gt", "ge"):
            setattr(cls, "__r" + dunder + "__", _int_operator(op, True))
    for name, op in (("__int__", int), ("__index__", int), ("__float__", float), ("__neg__", _operator.neg),
                     ("__pos__", _operator.pos), ("__abs__", abs), ("__bool__", bool), ("__round__", round)):
        setattr(cls, name, _int_unary(op))
    for name in ("to_bytes", "bit_length", "bit_count", "as_integer_ratio", "conjugate"):
        setattr(cls, name, _int_method(name))
    for name in ("real", "imag", "numerator", "denominator"):
        setattr(cls, name, property(_int_method(name, called=False)))
    cls.__hash__ = object.__hash__
    _stand_for_values(cls)
    cls.__str__ = lambda self: str(self._value_)
    cls.__format__ = lambda self, spec: format(self._value_, spec)


class IntEnum(Enum):
    @classmethod
    def _coerce_value_(cls, value):
        return int(value)


_give_int_behaviour(IntEnum, True)


class StrEnum(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    @classmethod
    def _coerce_value_(cls, value):
        if not isinstance(value, str):
            raise TypeError("%r is not a string" % (value,))
        return value

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return self._value_ == (other._value_ if isinstance(other, Enum) else other)

    __hash__ = object.__hash__


def _flag_value(flag, other):
    if isinstance(other, type(flag)):
        return other._value_
    if isinstance(other, int) and not isinstance(other, Enum) and isinstance(flag, IntFlag):
        return other
    return None


def _flag_operator(op, symbol):
    def method(self, other):
        value = _flag_value(self, other)
        if value is None:
            raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (
                symbol, type(self).__name__, type(other).__name__))
        return type(self)(op(self._value_, value))
    return method


class Flag(Enum):
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        return 1 << max(last_values).bit_length()

    @classmethod
    def _all_bits(cls):
        bits = 0
        for name in cls._member_names_:
            bits |= cls._member_map_[name]._value_
        return bits

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        all_bits = cls._all_bits()
        extra = value & ~all_bits
        if value < 0 or (extra and not issubclass(cls, IntFlag)):
            width = max(all_bits.bit_length(), value.bit_length())
            raise ValueError("%s invalid value %r\n    given 0b0 %s\n  allowed 0b0 %s" % (
                _class_repr(cls), value, format(value, "0%db" % width), format(all_bits, "0%db" % width)))
        names = [name for name in cls._member_names_ if cls._member_map_[name]._value_ & value]
        if extra:
            names.append(str(extra))
        member = object.__new__(cls)
        member._name_ = "|".join(names) if names else None
        member._value_ = value
        cls._value2member_map_[value] = member
        return member

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (type(self).__name__, self._value_)
        return Enum.__repr__(self)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (type(self).__name__, self._value_)
        return Enum.__str__(self)

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def _members(self):
        return [m for m in type(self) if m._value_ & self._value_]

    def __iter__(self):
        return iter(self._members())

    def __len__(self):
        return len(self._members())

    def __bool__(self):
        return bool(self._value_)

    __or__ = _flag_operator(_operator.or_, "|")
    __and__ = _flag_operator(_operator.and_, "&")
    __xor__ = _flag_operator(_operator.xor, "^")
    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return type(self)(type(self)._all_bits() & ~self._value_)


class IntFlag(Flag):
    @classmethod
    def _coerce_value_(cls, value):
        return int(value)


_give_int_behaviour(IntFlag, False)


def unique(enumeration):
    duplicates = [(name, member._name_) for name, member in enumeration.__members__.items() if name != member._name_]
    if duplicates:
        details = ", ".join(["%s -> %s" % pair for pair in duplicates])
        raise ValueError("duplicate values found in %s: %s" % (_class_repr(enumeration), details))
    return enumeration


_set_metaclass(Enum, EnumType)
