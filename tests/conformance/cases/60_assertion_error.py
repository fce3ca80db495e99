# An uncaught failing assert ends the program with AssertionError and its message.
balance = 100

def withdraw(amount):
    global balance
    balance -= amount
    assert balance >= 0, "balance went negative: %d" % balance

def deposit(amount):
    global balance
    assert amount > 0, "deposits must be positive"
    balance += amount

deposit(10)
for amount in [30, 50, 40, 10]:
    print("withdrawing", amount)
    withdraw(amount)
    print("balance now", balance)
