# logging without and with configuration: the default handler, levels, loggers in a hierarchy,
# %-args, the three format styles and the names of threads.
import logging
import sys
import threading

print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName("INFO"))

app = logging.getLogger("app")
app.error("before any configuration: %s", "bare")
app.info("not shown: below WARNING")
logging.info("not shown either")
logging.warning("the root logger configures itself: %d%%", 100)
app.error("now through the root's handler")
db = logging.getLogger("app.db")
print(db.parent is app, app.parent is logging.getLogger(), db.getEffectiveLevel())
db.setLevel(logging.DEBUG)
db.debug("a child may say more than its parent")
print(logging.getLogger("app") is app, app.isEnabledFor(logging.INFO), db.isEnabledFor(logging.DEBUG))

logging.basicConfig(format="ignored: root already has a handler")
logging.basicConfig(force=True, level=logging.DEBUG, stream=sys.stdout,
                    format="%(levelname)-8s|%(name)s|%(threadName)s|%(message)s")
logging.debug("force=True replaces the handler; now to stdout")
logging.critical("a %s with %d args", "message", 2)
logging.log(logging.ERROR, "log() with a level")
logging.info("a dict as the only argument: %(x)s and %(y)s", {"x": 1, "y": 2})


def worker(n):
    logging.info("in worker %d", n)


logging.getLogger().handlers[0].setFormatter(
    logging.Formatter("%(filename)s:%(lineno)d %(funcName)s %(module)s %(levelno)s %(message)s"))
logging.warning("where the call was made")
logging.getLogger().handlers[0].setFormatter(
    logging.Formatter("%(levelname)-8s|%(name)s|%(threadName)s|%(funcName)s|%(message)s"))

t = threading.Thread(target=worker, args=(1,))
t.start()
t.join()
t = threading.Thread(target=worker, args=(2,), name="Named")
t.start()
t.join()



def check(n):
    if n < 0:
        raise ValueError("negative: %d" % n)


try:
    check(-1)
except ValueError:
    logging.exception("exception() adds the traceback")
logging.error("so does exc_info=True", exc_info=True)
deep = logging.getLogger("x.y.z")
print(deep.parent is logging.getLogger())
middle = logging.getLogger("x.y")
print(deep.parent is middle, middle.parent is logging.getLogger())

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("{levelname}:{name}:{message}", style="{"))
quiet = logging.getLogger("quiet")
quiet.propagate = False
quiet.addHandler(handler)
quiet.warning("brace style")
handler.setFormatter(logging.Formatter("$levelname/${name}: $message", style="$"))
quiet.warning("dollar style")
handler.setLevel(logging.ERROR)
quiet.warning("below the handler's level")
quiet.error("at the handler's level")
logging.disable(logging.ERROR)
quiet.error("disabled")
quiet.critical("above the disabled level")
