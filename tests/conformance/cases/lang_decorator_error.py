# A decorator that raises while the function is being defined: the traceback points at it.
def validate(f):
    if not f.__name__.startswith("task_"):
        raise NameError(f"{f.__name__} must start with task_")
    return f


@validate
def task_ok():
    return 1


print(task_ok())


@validate
def cleanup():
    pass
