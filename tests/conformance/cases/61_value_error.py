# Converting text that is not a number raises ValueError.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        print("ValueError:", e)
        return 0

print(parse("12"), parse("1.5"), parse(""), parse("twelve"))
try:
    float("fast")
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = "ab"
except ValueError as e:
    print("ValueError:", e)
try:
    ["x"].index("y")
except ValueError as e:
    print("ValueError:", e)

settings = "threads=4,cpus=two"
for item in settings.split(","):
    key, value = item.split("=")
    print(key, int(value))
