# assert checks an invariant; a failing assert raises AssertionError with
# the optional message.
def withdraw(balance, amount):
    assert amount > 0, "amount must be positive"
    assert amount <= balance, "insufficient funds: %d < %d" % (balance, amount)
    return balance - amount

print(withdraw(100, 30))
for amount in [-5, 500]:
    try:
        withdraw(100, amount)
    except AssertionError as e:
        print("AssertionError:", e)

try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("no message:", repr(str(e)))

counter = 0
for _ in range(10):
    counter += 1
assert counter == 10
assert counter, "non-zero counters are truthy"
print("invariants hold")
