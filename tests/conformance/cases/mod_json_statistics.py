# json (dumps with indent, sort_keys and separators; loads) and statistics (mean,
# median, mode, variance, stdev), with their errors.
import json
import statistics

record = {"name": "Ada", "langs": ["en", "fr"], "age": 36, "score": 9.5, "ok": True, "none": None, "nested": {"b": 1, "a": [1, 2, {}]}}
print(json.dumps(record))
print(json.dumps(record, sort_keys=True))
print(json.dumps(record, indent=2))
print(json.dumps([1, [2, []], {}], indent=4, sort_keys=True))
print(json.dumps({"a": 1, "b": 2}, separators=(",", ":")), json.dumps("caf\u00e9 \"q\" \n"), json.dumps("caf\u00e9", ensure_ascii=False))
print(json.dumps({1: "one", 2.5: "x", True: "t", None: "n"}), json.dumps((1, 2)), json.dumps(2 ** 70), json.dumps(1e100))
print(json.dumps({"s": {1, 2}}, default=sorted), json.dumps(float("inf")))
text = '{"users": [{"id": 1, "tags": ["a", "b"]}, {"id": 2, "tags": []}], "total": 2, "ratio": 0.5, "e": 1e3, "neg": -7, "esc": "a\\nb\\u00e9\\"", "t": true, "f": false, "z": null}'
data = json.loads(text)
print(data)
print(data["users"][0]["tags"], type(data["e"]).__name__, json.loads(json.dumps(record)) == record)
print(json.loads("  [1, 2.0, \"x\"] "), json.loads("3"), json.loads('"\\ud83d\\ude00"') == "\U0001F600")
for bad in ['{"a" 1}', "[1, 2", "", '{"a": 1,}', "[1] x", "{'a': 1}", "nul", "[1,]"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, e.pos)
for action in (lambda: json.dumps({"s": {1}}), lambda: json.dumps({(1, 2): 3}), lambda: json.loads(5)):
    try:
        action()
    except TypeError as e:
        print("TypeError:", e)

values = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(values), statistics.mean([1, 2]), statistics.mean([1.5, 2.5, 3.5]), statistics.fmean([1, 2, 4]))
print(statistics.median(values), statistics.median([3, 1, 2]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))
print(statistics.mode(values), statistics.mode("abracadabra"), statistics.multimode("aabbc"))
print(statistics.pvariance(values), statistics.pstdev(values), statistics.variance([1, 2, 3, 4]), statistics.stdev([2, 4, 6]))
for action in (lambda: statistics.mean([]), lambda: statistics.median([]), lambda: statistics.variance([1]), lambda: statistics.mode([])):
    try:
        action()
    except statistics.StatisticsError as e:
        print("StatisticsError:", e)
