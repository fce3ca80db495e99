
class Error(Exception):
    pass


error = Error
_atomic = (type(None), int, float, bool, str, type, range, type(len), type(lambda: 0))


def copy(x):
    if isinstance(x, _atomic):
        return x
    if isinstance(x, list):
        return list(x)
    if isinstance(x, dict):
        return dict(x)
    if isinstance(x, set):
        return set(x)
    if isinstance(x, (tuple, frozenset)):
        return x
    method = getattr(type(x), "__copy__", None)
    if method is not None:
        return method(x)
    return _new_like(x)


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    if isinstance(x, _atomic):
        return x
    key = id(x)
    if key in memo:
        return memo[key]
    if isinstance(x, list):
        result = []
        memo[key] = result
        for item in x:
            result.append(deepcopy(item, memo))
        return result
    if isinstance(x, tuple):
        result = tuple(deepcopy(item, memo) for item in x)
        if key in memo:
            return memo[key]
        return result
    if isinstance(x, dict):
        result = {}
        memo[key] = result
        for k, v in x.items():
            result[deepcopy(k, memo)] = deepcopy(v, memo)
        return result
    if isinstance(x, set):
        result = set(deepcopy(item, memo) for item in x)
        memo[key] = result
        return result
    if isinstance(x, frozenset):
        return x
    method = getattr(type(x), "__deepcopy__", None)
    if method is not None:
        result = method(x, memo)
        memo[key] = result
        return result
    result = _new_like(x)
    memo[key] = result
    for name, value in list(x.__dict__.items()):
        setattr(result, name, deepcopy(value, memo))
    return result
