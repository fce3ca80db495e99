# nonlocal rebinds a variable of an enclosing function.
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "refused"
        balance -= amount
        return balance

    def current():
        return balance

    return deposit, withdraw, current

deposit, withdraw, current = make_account(50)
print(deposit(25), withdraw(100), withdraw(30), current())

def ticker():
    ticks = 0
    def tick():
        nonlocal ticks
        ticks += 1
    for _ in range(5):
        tick()
    return ticks

print(ticker())

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    result = middle()
    return result, x

print(outer())

def shadow():
    x = 1
    def local_only():
        x = 2
        return x
    return local_only(), x

print(shadow())
