# f-strings: expressions, conversions and format specs.
name = "worker-1"
tid = 7
cpu = 0.123456
balance = 1234567
print(f"Thread {tid}: {name} started")
print(f"{tid + 1} {tid * 2} {name.upper()} {len(name)}")
print(f"cpu={cpu:.2f} pct={cpu * 100:.1f}% sci={cpu:.3e}")
print(f"[{name:>12}] [{name:<12}] [{name:^12}] [{name:*^12}]")
print(f"[{tid:5}] [{tid:<5}] [{tid:05}] [{tid:+d}] [{-tid:05d}]")
print(f"{balance:,} {balance:_} {balance:>12,}")
print(f"{255:x} {255:X} {255:#x} {255:08b} {8:o}")
print(f"{name!r} {name!s} {[1, 'a']!r}")
print(f"{3.0} {2.5:g} {1e20:g} {0.5:%} {1/3:.0%}")
width = 8
prec = 3
print(f"[{cpu:{width}.{prec}f}] [{name:>{width}}]")
print(f"{{literal braces}} {tid}")
items = ["a", "b"]
print(f"{', '.join(items)} | {items[0]} | {dict(k=1)['k']}")
print(f"{'yes' if tid > 5 else 'no'} {tid > 5}")
print(f"{True} {None} {[1, 2]} {(1,)}")
for t, state in [(1, "ready"), (12, "running")]:
    print(f"{t:>3} | {state:<8}|")
print(f"{12.0:.0f} {2.5:.0f} {3.5:.0f} {-0.0:.1f} {7:.2f}")
