# pass as a placeholder body in functions, classes, loops and branches.
def not_yet_implemented():
    pass

class Placeholder:
    pass

class WithMethod:
    def hook(self):
        pass

print(not_yet_implemented())
p = Placeholder()
p.note = "attributes can still be attached"
print(p.note)
print(WithMethod().hook())

for i in range(3):
    pass
print("loop ran to", i)

count = 0
for n in range(6):
    if n % 2 == 0:
        pass
    else:
        count += 1
print("odd count", count)
while False:
    pass
try:
    print(1 // 0)
except ZeroDivisionError:
    pass
print("swallowed the error")
