# Reading an attribute that was never set raises AttributeError.
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount

acct = Account("alice")
acct.deposit(5)
print(acct.owner, acct.balance)
try:
    acct.overdraft_limit
except AttributeError as e:
    print("AttributeError:", e)
try:
    "text".no_such_method()
except AttributeError as e:
    print("AttributeError:", e)
try:
    [1].push(2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.value
except AttributeError as e:
    print("AttributeError:", e)
acct.interest_rate_percent = 2
print(acct.interest_rate_percent)
print(acct.currency_symbol)
