# The package: `from concurrent import futures` finds its submodule as an attribute.
import concurrent.futures
del concurrent
