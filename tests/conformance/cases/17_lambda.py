# lambda: small anonymous functions as sort keys, callbacks and dispatch tables.
jobs = [("render", 3), ("io", 1), ("compute", 5), ("log", 1)]
print(sorted(jobs, key=lambda job: job[1]))
print(sorted(jobs, key=lambda job: (-job[1], job[0])))
print(max(jobs, key=lambda job: job[1]), min(jobs, key=lambda j: j[0]))

ops = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
}
for name in ["add", "sub", "mul"]:
    print(name, ops[name](6, 3))

square = lambda x: x * x
print(square(9), (lambda: "no args")(), (lambda a, b=2: a * b)(5))

def make_adder(n):
    return lambda x: x + n

add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))

late = [lambda: i for i in range(3)]
print([f() for f in late])
bound = [lambda i=i: i for i in range(3)]
print([f() for f in bound])

def apply_all(funcs, value):
    return [f(value) for f in funcs]

print(apply_all([abs, str, lambda v: v * 2], -4))
