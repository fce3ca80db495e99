# Importing a module that does not exist raises ModuleNotFoundError, a kind
# of ImportError; caught here once, then left uncaught.
try:
    import no_such_threadlab_module
    status = "loaded"
except ImportError as e:
    status = "%s: %s" % (type(e).__name__, e)

print("plugin:", status)
print("continuing")
from no_such_threadlab_helpers import run
print("not reached")
