# An ordinary program of the kind issue 14 lists, run unchanged.
import json
data = {"name": "Ada", "langs": ["python", "c"], "age": 36, "active": True, "score": 9.5, "boss": None}
text = json.dumps(data, indent=2, sort_keys=True)
print(text)
back = json.loads(text)
print(back == data, back["langs"][1], type(back["age"]).__name__)
print(json.dumps([1, "two", {"3": 4}]), json.dumps("héllo"), json.dumps("héllo", ensure_ascii=False))
print(json.loads('{"a": [1, 2, {"b": null}], "c": 1.5e3}'))
