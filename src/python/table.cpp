#include "python/table.h"
#include "python/bigint.h"
#include "python/bytes.h"
#include <cmath>
#include <cstring>

namespace python {

// Deterministic hashes (no per-process seed): the same program hashes alike natively, in
// WebAssembly and on every run.
static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

uint64_t hash_string(std::string_view text)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : text) {
        h ^= (unsigned char)c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// Tuples (and frozen dataclasses) nest: past kNestingChecked levels, or once kStepsChecked
// values have been entered, the two functions below look no deeper, so that a tuple nested a
// million deep cannot exhaust the host's stack (CPython 3.11 itself crashes on it) and one that
// holds itself twice per level, 60 deep, does not take 2**60 steps. Equal values still hash
// alike: they are walked alike.
constexpr int kNestingChecked = 1000;
constexpr uint64_t kStepsChecked = 1'000'000;

static bool hashable_at(Value v, int depth, uint64_t& steps)
{
    if (depth > kNestingChecked || ++steps > kStepsChecked)
        return true;
    if (v.kind != ValueKind::Object)
        return v.kind != ValueKind::Empty;
    switch (v.object->kind) {
    case ObjectKind::List: case ObjectKind::Dict: case ObjectKind::DictView:
        return false;
    case ObjectKind::Set:
        return static_cast<SetObject*>(v.object)->frozen;
    case ObjectKind::Bytes:
        return !static_cast<BytesObject*>(v.object)->bytearray;
    case ObjectKind::Instance: {
        auto* instance = static_cast<InstanceObject*>(v.object);
        if (!instance->cls->key_fields.empty()) {
            for (const std::string& name : instance->cls->key_fields)
                if (Value* field = instance->attrs.find(name); field && !hashable_at(*field, depth + 1, steps))
                    return false;
            return true;
        }
        // As in Python: a class that defines __eq__ without __hash__ makes its instances
        // unhashable, and `__hash__ = object.__hash__` makes them hashable again. A user-defined
        // __hash__ is not called by the tables, so such instances are refused too.
        for (ClassObject* cls : instance->cls->mro) {
            if (Value* hash = cls->attrs.find("__hash__"))
                return !hash->is_none() && !as<FunctionObject>(*hash);
            if (Value* eq = cls->attrs.find("__eq__"); eq && as<FunctionObject>(*eq))
                return false;
        }
        return true;
    }
    case ObjectKind::Tuple:
        for (Value item : static_cast<TupleObject*>(v.object)->items)
            if (!hashable_at(item, depth + 1, steps))
                return false;
        return true;
    default:
        return true;
    }
}

static uint64_t hash_at(Value v, int depth, uint64_t& steps)
{
    if (depth > kNestingChecked || ++steps > kStepsChecked)
        return 0x51ed27f3;
    switch (v.kind) {
    case ValueKind::Empty: return 0;
    case ValueKind::None: return 0x9e3779b97f4a7c15ULL;
    case ValueKind::Bool: return mix((uint64_t)v.boolean);
    case ValueKind::Int: return mix((uint64_t)v.integer);
    case ValueKind::Float: {
        double d = v.real;
        // Equal numbers hash equal: 2.0 must find the key 2.
        if (std::isfinite(d) && d == std::floor(d) && d >= -9.2e18 && d <= 9.2e18)
            return mix((uint64_t)(int64_t)d);
        // Beyond 64 bits an integral float equals a big int: both take CPython's numeric hash.
        if (std::isfinite(d) && d == std::floor(d))
            return mix((uint64_t)float_hash(d));
        // (memcpy, not std::bit_cast: Emscripten 3.1.6's libc++ has no bit_cast)
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        return mix(bits);
    }
    case ValueKind::Object:
        break;
    }
    if (auto* s = as<StrObject>(v))
        return s->hash;
    if (is_big_int(v))
        return mix((uint64_t)int_hash(v));
    if (auto* b = as<BytesObject>(v))
        return (uint64_t)bytes_hash(b->data);
    if (auto* t = as<TupleObject>(v)) {
        uint64_t h = 0x345678;
        for (Value item : t->items)
            h = mix(h ^ hash_at(item, depth + 1, steps)) + 0x9e3779b97f4a7c15ULL;
        return h;
    }
    if (auto* set = as<SetObject>(v)) {
        uint64_t h = 0x1f2e3d4c;  // order-independent: equal frozensets hash alike
        for (const SetSlot& slot : set->table.slots)
            if (!slot.key.is_empty())
                h += mix(hash_at(slot.key, depth + 1, steps));
        return h;
    }
    if (auto* instance = as<InstanceObject>(v)) {
        if (Value n = carried_int(v); !n.is_empty())
            return hash_at(n, depth + 1, steps);
        if (!instance->cls->key_fields.empty()) {
            uint64_t h = 0x2545f491;
            for (const std::string& name : instance->cls->key_fields) {
                Value* field = instance->attrs.find(name);
                h = mix(h ^ (field ? hash_at(*field, depth + 1, steps) : 0)) + 0x9e3779b97f4a7c15ULL;
            }
            return h;
        }
    }
    return mix(v.object->id);
}

bool is_hashable(Value v)
{
    uint64_t steps = 0;
    return hashable_at(v, 0, steps);
}

uint64_t hash_value(Value v)
{
    uint64_t steps = 0;
    return hash_at(v, 0, steps);
}

Value carried_int(Value v)
{
    auto* instance = as<InstanceObject>(v);
    if (!instance || !instance->cls->int_valued)
        return Value::empty();
    Value* value = instance->attrs.find("_value_");
    return value ? *value : Value::empty();
}

Value int_or_itself(Value v)
{
    Value n = carried_int(v);
    return n.is_empty() ? v : n;
}

// An IntEnum member is the same key as its int, and as another member with that int.
static bool carried_ints_equal(Value a, Value b)
{
    Value x = carried_int(a), y = carried_int(b);
    if (x.is_empty() && y.is_empty())
        return false;
    return keys_equal(x.is_empty() ? a : x, y.is_empty() ? b : y);
}

// Frozen dataclass instances of one class are equal keys when their fields are.
static bool fields_equal(InstanceObject* a, InstanceObject* b)
{
    for (const std::string& name : a->cls->key_fields) {
        Value* x = a->attrs.find(name);
        Value* y = b->attrs.find(name);
        if (!x || !y || !keys_equal(*x, *y))
            return false;
    }
    return true;
}

bool keys_equal(Value a, Value b)
{
    if (is_real(a) && is_real(b))
        return compare_reals(a, b) == 0;
    if (a.kind != b.kind)
        return carried_ints_equal(a, b);
    if (a.kind == ValueKind::None || a.kind == ValueKind::Empty)
        return true;
    if (a.object == b.object)
        return true;
    if (auto* sa = as<StrObject>(a)) {
        auto* sb = as<StrObject>(b);
        return sb && sa->hash == sb->hash && sa->text == sb->text;
    }
    if (auto* ba = as<BytesObject>(a)) {
        auto* bb = as<BytesObject>(b);
        return bb && ba->data == bb->data;
    }
    if (auto* sa = as<SetObject>(a)) {
        auto* sb = as<SetObject>(b);
        if (!sb || sa->table.used != sb->table.used)
            return false;
        for (const SetSlot& slot : sa->table.slots)
            if (!slot.key.is_empty() && !sb->table.contains(slot.key))
                return false;
        return true;
    }
    if (auto* ta = as<TupleObject>(a)) {
        auto* tb = as<TupleObject>(b);
        if (!tb || ta->items.size() != tb->items.size())
            return false;
        for (size_t i = 0; i < ta->items.size(); i++)
            if (!keys_equal(ta->items[i], tb->items[i]))
                return false;
        return true;
    }
    if (auto* ia = as<InstanceObject>(a); ia && !ia->cls->key_fields.empty()) {
        auto* ib = as<InstanceObject>(b);
        return ib && ia->cls == ib->cls && fields_equal(ia, ib);
    }
    return carried_ints_equal(a, b);
}

static bool same_object(Value a, Value b)
{
    return a.kind == ValueKind::Object && b.kind == ValueKind::Object && a.object == b.object;
}

// hash_value, with the keys of names and attributes (strs, which keep their hash) inline.
static uint64_t key_hash(Value key)
{
    if (auto* s = as<StrObject>(key))
        return s->hash;
    return hash_value(key);
}

int32_t Table::find_index(Value key, uint64_t hash) const
{
    if (slots.empty())
        return -1;
    size_t mask = slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        int32_t index = slots[i];
        if (index < 0)
            return -1;
        const TableEntry& e = entries[(size_t)index];
        // The same object is the same key (an interned name finds its global at once).
        if (e.hash == hash && !e.key.is_empty() && (same_object(e.key, key) || keys_equal(e.key, key)))
            return index;
    }
}

int32_t Table::find_str_index(std::string_view key, uint64_t hash) const
{
    if (slots.empty())
        return -1;
    size_t mask = slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        int32_t index = slots[i];
        if (index < 0)
            return -1;
        const TableEntry& e = entries[(size_t)index];
        if (e.hash == hash)
            if (auto* s = as<StrObject>(e.key); s && s->text == key)
                return index;
    }
}

Value* Table::find(Value key)
{
    int32_t index = find_index(key, key_hash(key));
    return index < 0 ? nullptr : &entries[(size_t)index].value;
}

Value* Table::find(std::string_view str_key)
{
    int32_t index = find_str_index(str_key, hash_string(str_key));
    return index < 0 ? nullptr : &entries[(size_t)index].value;
}

void Table::rebuild(size_t slot_count)
{
    std::vector<TableEntry> kept;
    kept.reserve(live);
    for (TableEntry& e : entries)
        if (!e.key.is_empty())
            kept.push_back(e);
    entries = std::move(kept);
    slots.assign(slot_count, -1);
    size_t mask = slot_count - 1;
    for (size_t index = 0; index < entries.size(); index++) {
        size_t i = entries[index].hash & mask;
        while (slots[i] >= 0)
            i = (i + 1) & mask;
        slots[i] = (int32_t)index;
    }
}

void Table::set(Value key, Value value)
{
    uint64_t hash = key_hash(key);
    int32_t index = find_index(key, hash);
    if (index >= 0) {
        entries[(size_t)index].value = value;
        return;
    }
    // Removed entries still occupy slots, so the load counts every entry.
    if ((entries.size() + 1) * 3 >= slots.size() * 2) {
        size_t wanted = 8;
        while (wanted * 2 <= (size_t)(live + 1) * 3)
            wanted *= 2;
        rebuild(wanted * 2);
    }
    entries.push_back({key, value, hash});
    size_t mask = slots.size() - 1;
    size_t i = hash & mask;
    while (slots[i] >= 0)
        i = (i + 1) & mask;
    slots[i] = (int32_t)(entries.size() - 1);
    live++;
    version++;
}

bool Table::remove(Value key)
{
    int32_t index = find_index(key, hash_value(key));
    if (index < 0)
        return false;
    entries[(size_t)index].key = Value::empty();
    entries[(size_t)index].value = Value::none();
    live--;
    version++;
    return true;
}

void Table::clear()
{
    entries.clear();
    slots.clear();
    live = 0;
    version++;
}

// --- SetTable --------------------------------------------------------------------------------

// Probing visits a few neighbouring slots, then jumps by a perturbed step (the same sequence as
// CPython's sets, so that slot order, and so printing order, agree).
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr int64_t kRemovedHash = -1;

int64_t set_hash(Value v)
{
    constexpr int64_t kModulus = (int64_t(1) << 61) - 1;
    if (v.is_integral() || (v.is_float() && std::isfinite(v.real) && v.real == std::floor(v.real) && std::fabs(v.real) < 9.2e18)) {
        int64_t n = v.is_float() ? (int64_t)v.real : v.as_integral();
        int64_t h = n < 0 ? -((int64_t)(-(uint64_t)n % (uint64_t)kModulus)) : n % kModulus;
        return h == -1 ? -2 : h;
    }
    if (Value n = carried_int(v); !n.is_empty())
        return set_hash(n);
    int64_t h = (int64_t)(hash_value(v) >> 2);
    return h == -1 ? -2 : h;
}

// The slot holding `key` (whose hash is `hash`), or kNotFound. The probe sequence is add()'s.
size_t SetTable::find(Value key, int64_t hash) const
{
    size_t mask = slots.size() - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (true) {
        size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (size_t j = i; j <= i + probes; j++) {
            const SetSlot& slot = slots[j];
            if (slot.key.is_empty() && slot.hash == 0)
                return kNotFound;
            if (!slot.key.is_empty() && slot.hash == hash && keys_equal(slot.key, key))
                return j;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool SetTable::contains(Value key) const
{
    return find(key, set_hash(key)) != kNotFound;
}

void SetTable::add(Value key)
{
    int64_t hash = set_hash(key);
    size_t mask = slots.size() - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    SetSlot* reusable = nullptr;
    while (true) {
        size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (size_t j = i; j <= i + probes; j++) {
            SetSlot& slot = slots[j];
            if (slot.key.is_empty() && slot.hash == 0) {
                version++;
                used++;
                if (reusable) {
                    *reusable = {key, hash};
                    return;
                }
                slot = {key, hash};
                fill++;
                if (fill * 5 >= mask * 3)
                    resize(used > 50000 ? used * 2 : used * 4);
                return;
            }
            if (!slot.key.is_empty() && slot.hash == hash && keys_equal(slot.key, key))
                return;
            if (slot.key.is_empty() && slot.hash == kRemovedHash && !reusable)
                reusable = &slot;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void SetTable::insert_clean(Value key, int64_t hash)
{
    size_t mask = slots.size() - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (true) {
        size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (size_t j = i; j <= i + probes; j++)
            if (slots[j].key.is_empty()) {
                slots[j] = {key, hash};
                return;
            }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void SetTable::resize(size_t minimum_used)
{
    size_t size = 8;
    while (size <= minimum_used)
        size <<= 1;
    std::vector<SetSlot> old = std::move(slots);
    slots.assign(size, SetSlot{Value::empty(), 0});
    for (const SetSlot& slot : old)
        if (!slot.key.is_empty())
            insert_clean(slot.key, slot.hash);
    fill = used;
}

bool SetTable::remove(Value key)
{
    const size_t found = find(key, set_hash(key));
    if (found == kNotFound)
        return false;
    slots[found] = {Value::empty(), kRemovedHash};
    used--;
    version++;
    return true;
}

Value SetTable::pop()
{
    if (used == 0)
        return Value::empty();
    size_t i = finger & (slots.size() - 1);
    while (slots[i].key.is_empty())
        i = (i + 1) & (slots.size() - 1);
    Value key = slots[i].key;
    slots[i] = {Value::empty(), kRemovedHash};
    used--;
    version++;
    finger = i + 1;
    return key;
}

void SetTable::merge(const SetTable& other)
{
    if (other.used == 0)
        return;
    size_t mask = slots.size() - 1;
    if ((fill + other.used) * 5 >= mask * 3)
        resize((used + other.used) * 2);
    version++;
    if (fill == 0 && slots.size() == other.slots.size() && other.fill == other.used) {
        slots = other.slots;
        fill = used = other.used;
        return;
    }
    if (fill == 0) {
        for (const SetSlot& slot : other.slots)
            if (!slot.key.is_empty())
                insert_clean(slot.key, slot.hash);
        fill = used = other.used;
        return;
    }
    for (const SetSlot& slot : other.slots)
        if (!slot.key.is_empty())
            add(slot.key);
}

void SetTable::reserve_for(size_t count)
{
    if ((fill + count) * 5 >= (slots.size() - 1) * 3)
        resize((used + count) * 2);
}

void SetTable::clear()
{
    slots.assign(8, SetSlot{Value::empty(), 0});
    used = fill = finger = 0;
    version++;
}

} // namespace python
