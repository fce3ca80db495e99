
import sys
from time import time_ns as _time_ns, strftime as _strftime, localtime as _localtime
from threading import current_thread as _current_thread, get_ident as _get_ident

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_level_names = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO", DEBUG: "DEBUG", NOTSET: "NOTSET"}
_name_levels = {"CRITICAL": CRITICAL, "FATAL": FATAL, "ERROR": ERROR, "WARN": WARNING, "WARNING": WARNING,
                "INFO": INFO, "DEBUG": DEBUG, "NOTSET": NOTSET}
_start_ns = _time_ns()
_disabled_up_to = NOTSET


def getLevelName(level):
    if level in _level_names:
        return _level_names[level]
    if level in _name_levels:
        return _name_levels[level]
    return "Level %s" % level


def addLevelName(level, levelName):
    _level_names[level] = levelName
    _name_levels[levelName] = level


def _check_level(level):
    if type(level) is int:
        return level
    if type(level) is str:
        if level not in _name_levels:
            raise ValueError("Unknown level: %r" % level)
        return _name_levels[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


def disable(level=CRITICAL):
    global _disabled_up_to
    _disabled_up_to = _check_level(level)


class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None):
        created_ns = _time_ns()
        self.name = name
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelno = level
        self.levelname = getLevelName(level)
        self.pathname = pathname
        self.filename = pathname[pathname.rfind("/") + 1:]
        self.module = self.filename[:-3] if self.filename.endswith(".py") else self.filename
        self.lineno = lineno
        self.funcName = func
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = None
        self.created = created_ns / 1e9
        self.msecs = created_ns // 1000000 % 1000 + 0.0
        self.relativeCreated = (created_ns - _start_ns) / 1e6
        self.thread = _get_ident()
        self.threadName = _current_thread().name
        self.process, self.processName = _process()

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname, self.lineno, self.msg)


def makeLogRecord(dict):
    record = LogRecord(None, None, "", 0, "", (), None)
    for key in dict:
        setattr(record, key, dict[key])
    return record


class Formatter:
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True):
        if style not in ("%", "{", "$"):
            raise ValueError("Style must be one of: %, {, $")
        if fmt is None:
            fmt = {"%": "%(message)s", "{": "{message}", "$": "${message}"}[style]
        self._fmt = fmt
        self._style = style
        self.datefmt = datefmt

    def usesTime(self):
        marker = {"%": "%(asctime)", "{": "{asctime", "$": "asctime"}[self._style]
        return marker in self._fmt

    def formatTime(self, record, datefmt=None):
        t = _localtime(record.created)
        if datefmt:
            return _strftime(datefmt, t)
        return self.default_msec_format % (_strftime(self.default_time_format, t), record.msecs)

    def formatMessage(self, record):
        values = record.__dict__
        if self._style == "%":
            return self._fmt % values
        if self._style == "{":
            return self._fmt.format(**values)
        out = self._fmt
        for key in values:
            out = out.replace("${" + key + "}", str(values[key])).replace("$" + key, str(values[key]))
        return out

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_text:
            s = s + "\n" + record.exc_text
        return s


_default_formatter = Formatter()


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if filter not in self.filters:
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        for f in self.filters:
            passed = f.filter(record) if hasattr(f, "filter") else f(record)
            if not passed:
                return False
        return True


class Filter:
    def __init__(self, name=""):
        self.name = name

    def filter(self, record):
        if not self.name or self.name == record.name:
            return True
        return record.name.startswith(self.name + ".")


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self.name = None
        self.level = _check_level(level)
        self.formatter = None

    def setLevel(self, level):
        self.level = _check_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _default_formatter).format(record)

    def handle(self, record):
        passed = self.filter(record)
        if passed:
            self.emit(record)
        return passed

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def flush(self):
        pass

    def close(self):
        pass


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = sys.stderr if stream is None else stream

    # The whole line in one write: lines of different threads never mix.
    def emit(self, record):
        self.stream.write(self.format(record) + self.terminator)

    def setStream(self, stream):
        old = self.stream
        self.stream = stream
        return old

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, getattr(self.stream, "name", ""), getLevelName(self.level))


class NullHandler(Handler):
    def handle(self, record):
        pass

    def emit(self, record):
        pass


# Used when no handler is found anywhere up the hierarchy: the bare message to stderr.
lastResort = StreamHandler()
lastResort.setLevel(WARNING)


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _check_level(level)

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        return level > _disabled_up_to and level >= self.getEffectiveLevel()

    def addHandler(self, hdlr):
        if hdlr not in self.handlers:
            self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        if hdlr in self.handlers:
            self.handlers.remove(hdlr)

    def hasHandlers(self):
        logger = self
        while logger:
            if logger.handlers:
                return True
            if not logger.propagate:
                return False
            logger = logger.parent
        return False

    def getChild(self, suffix):
        return getLogger(suffix if self is root else self.name + "." + suffix)

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        pathname, lineno, func = _caller()
        record = LogRecord(self.name, level, pathname, lineno, msg, args, exc_info, func)
        if exc_info:
            # Outside an except clause CPython formats "no exception" as this.
            record.exc_text = _exception_text(exc_info if isinstance(exc_info, BaseException) else None) or "NoneType: None"
        if extra is not None:
            for key in extra:
                setattr(record, key, extra[key])
        self.handle(record)

    def handle(self, record):
        if self.disabled or not self.filter(record):
            return
        found = 0
        logger = self
        while logger:
            for hdlr in logger.handlers:
                found += 1
                if record.levelno >= hdlr.level:
                    hdlr.handle(record)
            if not logger.propagate:
                break
            logger = logger.parent
        if found == 0 and record.levelno >= lastResort.level:
            lastResort.handle(record)

    def log(self, level, msg, *args, **kwargs):
        if type(level) is not int:
            raise TypeError("level must be an integer")
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)

    warn = warning

    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)

    fatal = critical

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)


root = RootLogger(WARNING)
_loggers = {}


def getLogger(name=None):
    if not name or name == root.name:
        return root
    if name in _loggers:
        return _loggers[name]
    logger = Logger(name)
    logger.parent = root
    ancestor = name
    while "." in ancestor:
        ancestor = ancestor[:ancestor.rfind(".")]
        if ancestor in _loggers:
            logger.parent = _loggers[ancestor]
            break
    # Loggers made earlier below this one now have it as their parent.
    for other in _loggers.values():
        if other.name.startswith(name + ".") and other.parent is logger.parent:
            other.parent = logger
    _loggers[name] = logger
    return logger


def basicConfig(**kwargs):
    force = kwargs.pop("force", False)
    if force:
        for h in list(root.handlers):
            root.removeHandler(h)
    if root.handlers:
        return
    handlers = kwargs.pop("handlers", None)
    stream = kwargs.pop("stream", None)
    if "filename" in kwargs:
        raise ValueError("basicConfig(filename=...): the lab has no files; log to a stream")
    if handlers is None:
        handlers = [StreamHandler(stream)]
    elif stream is not None:
        raise ValueError("'stream' and 'handlers' should not be specified together")
    style = kwargs.pop("style", "%")
    if style not in ("%", "{", "$"):
        raise ValueError("Style must be one of: %, {, $")
    fmt = kwargs.pop("format", {"%": "%(levelname)s:%(name)s:%(message)s", "{": "{levelname}:{name}:{message}",
                                 "$": "${levelname}:${name}:${message}"}[style])
    formatter = Formatter(fmt, kwargs.pop("datefmt", None), style)
    for h in handlers:
        if h.formatter is None:
            h.setFormatter(formatter)
        root.addHandler(h)
    level = kwargs.pop("level", None)
    if level is not None:
        root.setLevel(level)
    if kwargs:
        raise ValueError("Unrecognised argument(s): " + ", ".join(kwargs))


# The module-level functions configure the root logger on first use, as CPython's do.
def _root_with_handler():
    if not root.handlers:
        basicConfig()
    return root


def debug(msg, *args, **kwargs):
    _root_with_handler().debug(msg, *args, **kwargs)


def info(msg, *args, **kwargs):
    _root_with_handler().info(msg, *args, **kwargs)


def warning(msg, *args, **kwargs):
    _root_with_handler().warning(msg, *args, **kwargs)


warn = warning


def error(msg, *args, **kwargs):
    _root_with_handler().error(msg, *args, **kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    _root_with_handler().error(msg, *args, exc_info=exc_info, **kwargs)


def critical(msg, *args, **kwargs):
    _root_with_handler().critical(msg, *args, **kwargs)


fatal = critical


def log(level, msg, *args, **kwargs):
    _root_with_handler().log(level, msg, *args, **kwargs)


def shutdown():
    pass
