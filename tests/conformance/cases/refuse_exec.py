# threadlab-only
# exec() is refused where it is called.
namespace = {}
exec("x = 1", namespace)
