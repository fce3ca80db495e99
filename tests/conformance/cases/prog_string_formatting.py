# An ordinary program of the kind issue 14 lists, run unchanged.
items = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.0)]
print(f"{'Item':<10}{'Qty':>5}{'Price':>8}")
for name, qty, price in items:
    print(f"{name:<10}{qty:>5}{price:>8.2f}")
total = sum(q * p for _, q, p in items)
print(f"{'Total':<10}{total:>13,.2f}")
print("{:^20}".format("centered"), "%-6s|%5.1f%%" % ("rate", 12.345), f"{1234567:,}", f"{0.1234:.1%}", f"{255:#x} {255:08b}")
print(f"{'x'!r} {3.0!s} {[1, 2]=}")
