# An ordinary program of the kind issue 14 lists, run unchanged.
class AppError(Exception):
    pass
def load(cfg):
    try:
        return cfg["port"]
    except KeyError as e:
        raise AppError("missing setting") from e
try:
    load({})
except AppError as e:
    print(type(e).__name__, e, repr(e.__cause__))
def parse(s):
    try:
        return int(s)
    except ValueError:
        return None
    finally:
        print("parsed", s)
print(parse("12"), parse("x"))
try:
    raise FileNotFoundError("config.ini")
except OSError as e:
    print(type(e).__name__, e, isinstance(e, FileNotFoundError))
load({})
