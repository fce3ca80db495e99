# threadlab-only
# complex() is refused as complex literals are (CPython prints (1+2j)).
print(complex(1, 2))
