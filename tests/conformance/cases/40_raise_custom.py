# User exception classes, raising with a message, catching by base class,
# re-raising with a bare raise.
class BankError(Exception):
    pass

class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__("need %d, have %d" % (needed, available))
        self.needed = needed
        self.available = available

class AccountLocked(BankError):
    pass

def withdraw(balance, amount, locked=False):
    if locked:
        raise AccountLocked("account is locked")
    if amount > balance:
        raise InsufficientFunds(amount, balance)
    return balance - amount

for amount, locked in [(10, False), (500, False), (1, True)]:
    try:
        print("left", withdraw(100, amount, locked))
    except InsufficientFunds as e:
        print("short by", e.needed - e.available, "-", e)
    except BankError as e:
        print(type(e).__name__, e)

def audited(amount):
    try:
        return withdraw(5, amount)
    except BankError:
        print("audit: failure recorded")
        raise

try:
    audited(50)
except InsufficientFunds as e:
    print("re-raised:", e, e.args)
err = ValueError("bad", 3)
print(err.args, str(ValueError()), repr(str(KeyError("k"))))
print(isinstance(InsufficientFunds(1, 0), Exception))
