# The dataclasses module: dataclass (init, repr, eq, order, frozen, match_args, kw_only),
# field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, with CPython 3.11's
# messages. In Python. CPython writes each class's methods as source and compiles it; here the
# generated methods are closures over the class's fields, which the same messages come out of.
import copy as _copy

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING", "fields",
           "asdict", "astuple", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return "MISSING"


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    # A pseudo-field passed to __init__ and on to __post_init__, never stored.
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        return "dataclasses.InitVar[%s]" % getattr(self.type, "__name__", repr(self.type))


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._pseudo = False

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r,"
                "metadata=%r,kw_only=%r)" % (self.name, self.type, self.default, self.default_factory, self.init,
                                             self.repr, self.hash, self.compare, self.metadata, self.kw_only))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None,
          kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith("ClassVar") or annotation.startswith("typing.ClassVar")
    return repr(annotation).startswith("typing.ClassVar")


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith("InitVar") or annotation.startswith("dataclasses.InitVar")
    return isinstance(annotation, InitVar) or annotation is InitVar


def _own_fields(cls, kw_only):
    # The fields the class body declares, in order; their defaults stay class attributes.
    own = []
    namespace = cls.__dict__
    for name, annotation in namespace.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        if annotation is KW_ONLY or annotation == "KW_ONLY" or annotation == "dataclasses.KW_ONLY":
            kw_only = True
            continue
        default = namespace.get(name, MISSING)
        f = default if isinstance(default, Field) else field(default=default)
        f.name = name
        f.type = annotation
        f._pseudo = _is_initvar(annotation)
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError("mutable default %r for field %s is not allowed: use default_factory" % (type(f.default), name))
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        own.append(f)
    return own


def _all_fields(cls, kw_only):
    found = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get("__dataclass_fields__", {}).values():
            found[f.name] = f
    for f in _own_fields(cls, kw_only):
        found[f.name] = f
    return list(found.values())


def _check_defaults_order(init_fields):
    seen_default = False
    for f in init_fields:
        if f.kw_only:
            continue
        if f.default is MISSING and f.default_factory is MISSING:
            if seen_default:
                raise TypeError("non-default argument %r follows default argument" % f.name)
        else:
            seen_default = True


def _plural(count, word):
    return "%d %s%s" % (count, word, "" if count == 1 else "s")


def _missing_message(qualname, kind, names):
    quoted = ["'" + name + "'" for name in names]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + (", and " if len(quoted) > 2 else " and ") + quoted[-1]
    return "%s.__init__() missing %s: %s" % (qualname, _plural(len(names), "required " + kind + " argument"), listed)


def _make_init(cls, all_fields, frozen):
    init_fields = [f for f in all_fields if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword_only = [f for f in init_fields if f.kw_only]
    _check_defaults_order(init_fields)
    by_name = {f.name: f for f in init_fields}
    qualname = cls.__qualname__
    store = object.__setattr__ if frozen else setattr

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            required = len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])
            takes = len(positional) + 1 if required == len(positional) else "from %d to %d" % (required + 1, len(positional) + 1)
            raise TypeError("%s.__init__() takes %s positional argument%s but %d %s given" % (
                qualname, takes, "" if takes == 1 else "s", len(args) + 1, "was" if len(args) == 0 else "were"))
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if name not in by_name:
                raise TypeError("%s.__init__() got an unexpected keyword argument %r" % (qualname, name))
            if name in values:
                raise TypeError("%s.__init__() got multiple values for argument %r" % (qualname, name))
            values[name] = value
        for group, kind in ((positional, "positional"), (keyword_only, "keyword-only")):
            missing = [f.name for f in group if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                raise TypeError(_missing_message(qualname, kind, missing))
        init_vars = []
        for f in all_fields:
            if f.init and f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if f._pseudo:
                init_vars.append(value)
            else:
                store(self, f.name, value)
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init(*init_vars)
    return __init__


def _make_repr(repr_fields):
    def __repr__(self):
        parts = [f.name + "=" + repr(getattr(self, f.name)) for f in repr_fields]
        return type(self).__qualname__ + "(" + ", ".join(parts) + ")"
    return __repr__


def _make_comparison(compare_fields, op):
    def method(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine = tuple([getattr(self, f.name) for f in compare_fields])
        theirs = tuple([getattr(other, f.name) for f in compare_fields])
        if op == "==":
            return mine == theirs
        if op == "<":
            return mine < theirs
        if op == "<=":
            return mine <= theirs
        if op == ">":
            return mine > theirs
        return mine >= theirs
    return method


def _make_hash(hash_fields):
    def __hash__(self):
        return hash(tuple([getattr(self, f.name) for f in hash_fields]))
    return __hash__


def _make_frozen_store(cls, field_names, verb):
    def refuse(self, name, *value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError("cannot %s field %r" % (verb, name))
        if value:
            super(cls, self).__setattr__(name, value[0])
        else:
            super(cls, self).__delattr__(name)
    return refuse


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    all_fields = _all_fields(cls, kw_only)
    stored = [f for f in all_fields if not f._pseudo]
    cls.__dataclass_fields__ = {f.name: f for f in all_fields}
    cls.__dataclass_params__ = {"init": init, "repr": repr, "eq": eq, "order": order, "unsafe_hash": unsafe_hash,
                                "frozen": frozen}
    namespace = cls.__dict__
    if init:
        cls.__init__ = _make_init(cls, all_fields, frozen)
    if repr and "__repr__" not in namespace:
        cls.__repr__ = _make_repr([f for f in stored if f.repr])
    compared = [f for f in stored if f.compare]
    if eq and "__eq__" not in namespace:
        cls.__eq__ = _make_comparison(compared, "==")
    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if name in namespace:
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering" % (
                    name, cls.__name__))
            setattr(cls, name, _make_comparison(compared, op))
    if frozen:
        names = tuple([f.name for f in stored])
        cls.__setattr__ = _make_frozen_store(cls, names, "assign to")
        cls.__delattr__ = _make_frozen_store(cls, names, "delete")
    has_own_hash = "__hash__" in namespace and namespace["__hash__"] is not None
    if unsafe_hash or (eq and frozen):
        if not has_own_hash:
            cls.__hash__ = _make_hash([f for f in stored if (f.compare if f.hash is None else f.hash)])
            if eq:
                _hash_by_fields(cls, tuple([f.name for f in compared]))
    elif eq and not has_own_hash:
        cls.__hash__ = None
    if match_args and "__match_args__" not in namespace:
        cls.__match_args__ = tuple([f.name for f in all_fields if f.init and not f.kw_only])
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def fields(class_or_instance):
    if not is_dataclass(class_or_instance):
        raise TypeError("must be called with a dataclass type or instance")
    return tuple([f for f in class_or_instance.__dataclass_fields__.values() if not f._pseudo])


def _is_dataclass_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), "__dataclass_fields__")


def _convert(obj, factory):
    # asdict and astuple: dataclasses become dicts (or tuples), containers are rebuilt, the rest
    # is deep-copied, as CPython's _asdict_inner does.
    if _is_dataclass_instance(obj):
        values = [(f.name, _convert(getattr(obj, f.name), factory)) for f in fields(obj)]
        return factory(values)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_convert(v, factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_convert(v, factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_convert(k, factory), _convert(v, factory)) for k, v in obj.items()])
    return _copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, dict_factory)


def _as_tuple(pairs):
    return tuple([value for name, value in pairs])


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    converted = _convert(obj, _as_tuple)
    return converted if tuple_factory is tuple else tuple_factory(converted)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()" % f.name)
            continue
        if f.name not in changes:
            if f._pseudo and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
