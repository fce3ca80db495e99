from multiprocessing import Process


def grow():
    a = []
    while True:
        a.append([0] * 1000)


if __name__ == "__main__":
    children = [Process(target=grow) for _ in range(8)]
    for child in children:
        child.start()
    for child in children:
        child.join()
    print("exit codes", [child.exitcode for child in children])
