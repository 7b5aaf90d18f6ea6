#include "parser/postgres/pg_ast.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "model/schema.hpp"
#include "parser/postgres/builtin_functions.hpp"
#include "parser/postgres/function_resolution.hpp"
#include "parser/postgres/statement_error.hpp"

namespace schemerge::parser::postgres {

// --- name resolution -------------------------------------------------------------

namespace {
template <typename Exists>
std::optional<std::string> first_schema(const NameContext& ctx, Exists exists) {
    if (ctx.schema == nullptr || ctx.search_path == nullptr) {
        return std::nullopt;
    }
    for (const auto& s : *ctx.search_path) {
        if (exists(s)) {
            return s;
        }
    }
    return std::nullopt;
}
}  // namespace

std::optional<std::string> NameContext::relation_schema(const std::string& name) const {
    return first_schema(*this, [&](const std::string& s) { return schema->relation_exists({s, name}); });
}

std::optional<std::string> NameContext::type_schema(const std::string& name) const {
    return first_schema(*this, [&](const std::string& s) {
        model::QualifiedName q{s, name};
        return schema->types.contains(q) || schema->tables.contains(q) || schema->views.contains(q);
    });
}

std::optional<std::string> NameContext::function_schema(const std::string& name) const {
    return first_schema(*this, [&](const std::string& s) {
        model::RoutineName probe{{s, name}, ""};
        auto it = schema->functions.lower_bound(probe);
        return it != schema->functions.end() && it->first.name == probe.name;
    });
}

// --- parsing -------------------------------------------------------------------

ParsedStatement parse_statement(const std::string& text) {
    ParsedStatement out;
    PgQueryProtobufParseResult result = pg_query_parse_protobuf(text.c_str());
    if (result.error != nullptr) {
        out.error = result.error->message != nullptr ? result.error->message : "syntax error";
        out.error_cursor = result.error->cursorpos;
    } else {
        out.protobuf.assign(result.parse_tree.data, result.parse_tree.len);
    }
    pg_query_free_protobuf_parse_result(result);
    return out;
}

// A bump allocator: blocks of at least kBlock bytes, the first sized from the packed
// tree (unpacked C structs take a few times the bytes of their encoding); free is a no-op
// and everything goes with the arena.
class TreeArena {
public:
    explicit TreeArena(std::size_t hint) { grow(std::max(hint, kBlock)); }

    void* allocate(std::size_t size) {
        size = (size + kAlign - 1) & ~(kAlign - 1);
        if (size > left_) {
            grow(std::max(size, kBlock));
        }
        void* p = next_;
        next_ += size;
        left_ -= size;
        return p;
    }

    ProtobufCAllocator allocator() {
        return {[](void* self, std::size_t size) { return static_cast<TreeArena*>(self)->allocate(size); },
                [](void*, void*) {}, this};
    }

private:
    static constexpr std::size_t kBlock = 16 * 1024;
    static constexpr std::size_t kAlign = alignof(std::max_align_t);

    void grow(std::size_t size) {
        blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
        next_ = blocks_.back().get();
        left_ = size;
    }

    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    std::byte* next_ = nullptr;
    std::size_t left_ = 0;
};

void TreeArenaDeleter::operator()(TreeArena* arena) const { delete arena; }

UnpackedTree unpack(const std::string& protobuf) {
    std::unique_ptr<TreeArena, TreeArenaDeleter> arena{new TreeArena(protobuf.size() * 4)};
    ProtobufCAllocator allocator = arena->allocator();
    auto* tree = pg_query__parse_result__unpack(&allocator, protobuf.size(),
                                                reinterpret_cast<const std::uint8_t*>(protobuf.data()));
    if (tree == nullptr) {
        return {};
    }
    return {tree, std::move(arena)};
}

// --- accessors -----------------------------------------------------------------

std::string_view node_string(const Node* node) {
    if (node == nullptr) {
        return {};
    }
    if (node->node_case == PG_QUERY__NODE__NODE_STRING && node->string != nullptr && node->string->sval != nullptr) {
        return node->string->sval;
    }
    if (node->node_case == PG_QUERY__NODE__NODE_A_CONST && node->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
        return node->a_const->sval->sval;
    }
    return {};
}

std::vector<std::string> string_list(Node* const* items, std::size_t n) {
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.emplace_back(node_string(items[i]));
    }
    return out;
}

std::optional<std::int64_t> node_integer(const Node* node) {
    if (node == nullptr) {
        return std::nullopt;
    }
    auto parse = [](std::string_view s) -> std::optional<std::int64_t> {
        std::int64_t v = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc{} || p != s.data() + s.size()) {
            return std::nullopt;
        }
        return v;
    };
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_INTEGER: return node->integer->ival;
        case PG_QUERY__NODE__NODE_FLOAT: return parse(node->float_->fval);
        case PG_QUERY__NODE__NODE_A_CONST:
            if (node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
                return node->a_const->ival->ival;
            }
            if (node->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL) {
                return parse(node->a_const->fval->fval);
            }
            return std::nullopt;
        case PG_QUERY__NODE__NODE_TYPE_CAST: return node_integer(node->type_cast->arg);
        default: return std::nullopt;
    }
}

const char* node_kind_name(const Node* node) {
    if (node == nullptr) {
        return "empty statement";
    }
    const ProtobufCFieldDescriptor* field =
        protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, node->node_case);
    if (field == nullptr || field->descriptor == nullptr) {
        return "unknown statement";
    }
    return static_cast<const ProtobufCMessageDescriptor*>(field->descriptor)->short_name;
}

std::string def_value(const Node* arg) {
    if (arg == nullptr) {
        return {};
    }
    switch (arg->node_case) {
        case PG_QUERY__NODE__NODE_STRING: return arg->string->sval;
        case PG_QUERY__NODE__NODE_INTEGER: return std::to_string(arg->integer->ival);
        case PG_QUERY__NODE__NODE_FLOAT: return arg->float_->fval;
        case PG_QUERY__NODE__NODE_BOOLEAN: return arg->boolean->boolval ? "true" : "false";
        case PG_QUERY__NODE__NODE_TYPE_NAME: {
            NameContext ctx;
            model::TypeRef t = type_ref(arg->type_name, ctx);
            return t.name.to_string();
        }
        case PG_QUERY__NODE__NODE_LIST: {
            std::string out;
            for (std::size_t i = 0; i < arg->list->n_items; ++i) {
                if (!out.empty()) {
                    out += ".";
                }
                out += def_value(arg->list->items[i]);
            }
            return out;
        }
        case PG_QUERY__NODE__NODE_A_CONST: {
            const auto* c = arg->a_const;
            switch (c->val_case) {
                case PG_QUERY__A__CONST__VAL_IVAL: return std::to_string(c->ival->ival);
                case PG_QUERY__A__CONST__VAL_FVAL: return c->fval->fval;
                case PG_QUERY__A__CONST__VAL_SVAL: return c->sval->sval;
                case PG_QUERY__A__CONST__VAL_BOOLVAL: return c->boolval->boolval ? "true" : "false";
                default: return {};
            }
        }
        default: return deparse_raw(const_cast<Node*>(arg));
    }
}

// --- walker --------------------------------------------------------------------

namespace {

// Where a message's fields are, read once per message type from its descriptor. A run of
// consecutive fields of one oneof is one step (only the field the oneof's case names is
// set): a Node is one oneof of ~250 message fields, and checking each field's case on
// every node was most of a walk. Steps keep the descriptor's field order, so children are
// visited in the order they always were.
struct WalkStep {
    enum class Kind : std::uint8_t { field, oneof };
    Kind kind = Kind::field;
    const ProtobufCFieldDescriptor* field = nullptr;  // field: the field
    unsigned case_offset = 0;                         // oneof: where its case is
    unsigned first = 0, last = 0;                     // oneof: the run's field indexes
};

struct WalkPlan {
    std::vector<WalkStep> messages;  // the steps that may hold messages (walk)
    std::vector<WalkStep> all;       // every field (tree_key)
};

WalkPlan make_walk_plan(const ProtobufCMessageDescriptor* d) {
    WalkPlan plan;
    for (unsigned i = 0; i < d->n_fields; ++i) {
        const ProtobufCFieldDescriptor& fd = d->fields[i];
        if ((fd.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0) {
            // Every field of the run, messages or not: the case may name a scalar member.
            if (!plan.all.empty() && plan.all.back().kind == WalkStep::Kind::oneof &&
                plan.all.back().case_offset == fd.quantifier_offset && plan.all.back().last + 1 == i) {
                plan.all.back().last = i;
            } else {
                plan.all.push_back({WalkStep::Kind::oneof, nullptr, fd.quantifier_offset, i, i});
            }
        } else {
            plan.all.push_back({WalkStep::Kind::field, &fd, 0, 0, 0});
        }
    }
    for (const WalkStep& step : plan.all) {
        if (step.kind == WalkStep::Kind::oneof || step.field->type == PROTOBUF_C_TYPE_MESSAGE) {
            plan.messages.push_back(step);
        }
    }
    return plan;
}

const WalkPlan& walk_plan(const ProtobufCMessageDescriptor* d) {
    // Descriptors are libpg_query's static data: plans are made once and never removed.
    static std::mutex mutex;
    static std::unordered_map<const ProtobufCMessageDescriptor*, WalkPlan> plans;
    thread_local std::unordered_map<const ProtobufCMessageDescriptor*, const WalkPlan*> seen;
    if (auto it = seen.find(d); it != seen.end()) {
        return *it->second;
    }
    std::lock_guard lock(mutex);
    auto it = plans.find(d);
    if (it == plans.end()) {
        it = plans.emplace(d, make_walk_plan(d)).first;
    }
    seen.emplace(d, &it->second);
    return it->second;
}

// The field a oneof step's case names, or null when it names none of the run's fields.
const ProtobufCFieldDescriptor* oneof_field(const ProtobufCMessageDescriptor* d, const WalkStep& step,
                                            const char* base) {
    auto which = *reinterpret_cast<const std::uint32_t*>(base + step.case_offset);
    // The run's fields are in id order (protobuf-c sorts a descriptor's fields by id).
    const ProtobufCFieldDescriptor* first = d->fields + step.first;
    const ProtobufCFieldDescriptor* last = d->fields + step.last + 1;
    const ProtobufCFieldDescriptor* fd = std::lower_bound(
        first, last, which, [](const ProtobufCFieldDescriptor& f, std::uint32_t id) { return f.id < id; });
    return fd != last && fd->id == which ? fd : nullptr;
}

void walk_message(ProtobufCMessage* msg, const std::function<void(ProtobufCMessage*)>& visit);

void walk_field(char* base, const ProtobufCFieldDescriptor& fd, const std::function<void(ProtobufCMessage*)>& visit) {
    if (fd.type != PROTOBUF_C_TYPE_MESSAGE) {
        return;
    }
    if (fd.label == PROTOBUF_C_LABEL_REPEATED) {
        std::size_t n = *reinterpret_cast<std::size_t*>(base + fd.quantifier_offset);
        auto** items = *reinterpret_cast<ProtobufCMessage***>(base + fd.offset);
        for (std::size_t j = 0; j < n; ++j) {
            walk_message(items[j], visit);
        }
    } else {
        walk_message(*reinterpret_cast<ProtobufCMessage**>(base + fd.offset), visit);
    }
}

void walk_message(ProtobufCMessage* msg, const std::function<void(ProtobufCMessage*)>& visit) {
    if (msg == nullptr) {
        return;
    }
    visit(msg);
    const ProtobufCMessageDescriptor* d = msg->descriptor;
    auto* base = reinterpret_cast<char*>(msg);
    for (const WalkStep& step : walk_plan(d).messages) {
        const ProtobufCFieldDescriptor* fd = step.kind == WalkStep::Kind::oneof ? oneof_field(d, step, base) : step.field;
        if (fd != nullptr) {
            walk_field(base, *fd, visit);
        }
    }
}

// Appends to `key` everything a message holds: its type, then each field's value in
// descriptor order (a oneof's case and its one field). Two trees with equal keys are equal
// field for field, so they pack to the same bytes and deparse to the same text.
void append_tree_key(const ProtobufCMessage* msg, std::string& key);

void append_value(const ProtobufCFieldDescriptor& fd, const char* at, std::string& key) {
    switch (fd.type) {
        case PROTOBUF_C_TYPE_INT32:
        case PROTOBUF_C_TYPE_SINT32:
        case PROTOBUF_C_TYPE_SFIXED32:
        case PROTOBUF_C_TYPE_UINT32:
        case PROTOBUF_C_TYPE_FIXED32:
        case PROTOBUF_C_TYPE_FLOAT:
        case PROTOBUF_C_TYPE_BOOL:
        case PROTOBUF_C_TYPE_ENUM: key.append(at, 4); break;
        case PROTOBUF_C_TYPE_INT64:
        case PROTOBUF_C_TYPE_SINT64:
        case PROTOBUF_C_TYPE_SFIXED64:
        case PROTOBUF_C_TYPE_UINT64:
        case PROTOBUF_C_TYPE_FIXED64:
        case PROTOBUF_C_TYPE_DOUBLE: key.append(at, 8); break;
        case PROTOBUF_C_TYPE_STRING: {
            const char* text = *reinterpret_cast<const char* const*>(at);
            std::size_t n = text != nullptr ? std::strlen(text) : 0;
            key += text != nullptr ? 's' : 'n';
            key.append(reinterpret_cast<const char*>(&n), sizeof n);
            key.append(text != nullptr ? text : "", n);
            break;
        }
        case PROTOBUF_C_TYPE_BYTES: {
            const auto* data = reinterpret_cast<const ProtobufCBinaryData*>(at);
            key.append(reinterpret_cast<const char*>(&data->len), sizeof data->len);
            key.append(reinterpret_cast<const char*>(data->data), data->len);
            break;
        }
        case PROTOBUF_C_TYPE_MESSAGE: append_tree_key(*reinterpret_cast<const ProtobufCMessage* const*>(at), key); break;
    }
}

// The size of one element of a repeated field of this type, as protobuf-c lays it out.
std::size_t element_size(ProtobufCType type) {
    switch (type) {
        case PROTOBUF_C_TYPE_INT64:
        case PROTOBUF_C_TYPE_SINT64:
        case PROTOBUF_C_TYPE_SFIXED64:
        case PROTOBUF_C_TYPE_UINT64:
        case PROTOBUF_C_TYPE_FIXED64:
        case PROTOBUF_C_TYPE_DOUBLE: return 8;
        case PROTOBUF_C_TYPE_STRING:
        case PROTOBUF_C_TYPE_MESSAGE: return sizeof(void*);
        case PROTOBUF_C_TYPE_BYTES: return sizeof(ProtobufCBinaryData);
        default: return 4;
    }
}

void append_field(const ProtobufCFieldDescriptor& fd, const char* base, std::string& key) {
    key.append(reinterpret_cast<const char*>(&fd.id), sizeof fd.id);
    if (fd.label == PROTOBUF_C_LABEL_REPEATED) {
        std::size_t n = *reinterpret_cast<const std::size_t*>(base + fd.quantifier_offset);
        key.append(reinterpret_cast<const char*>(&n), sizeof n);
        const char* items = *reinterpret_cast<const char* const*>(base + fd.offset);
        for (std::size_t j = 0; j < n; ++j) {
            append_value(fd, items + j * element_size(fd.type), key);
        }
        return;
    }
    if (fd.label == PROTOBUF_C_LABEL_OPTIONAL && fd.quantifier_offset != 0 && fd.type != PROTOBUF_C_TYPE_STRING &&
        fd.type != PROTOBUF_C_TYPE_MESSAGE) {
        key.append(base + fd.quantifier_offset, sizeof(protobuf_c_boolean));  // has_ flag
    }
    append_value(fd, base + fd.offset, key);
}

void append_tree_key(const ProtobufCMessage* msg, std::string& key) {
    if (msg == nullptr) {
        key += '0';
        return;
    }
    key += 'm';
    const ProtobufCMessageDescriptor* d = msg->descriptor;
    key.append(reinterpret_cast<const char*>(&d), sizeof d);
    const auto* base = reinterpret_cast<const char*>(msg);
    for (const WalkStep& step : walk_plan(d).all) {
        if (step.kind == WalkStep::Kind::field) {
            append_field(*step.field, base, key);
            continue;
        }
        key.append(base + step.case_offset, sizeof(std::uint32_t));
        if (const ProtobufCFieldDescriptor* fd = oneof_field(d, step, base)) {
            append_value(*fd, base + fd->offset, key);
        }
    }
}

}  // namespace

void walk(ProtobufCMessage* root, const std::function<void(ProtobufCMessage*)>& visit) { walk_message(root, visit); }

// --- types ---------------------------------------------------------------------

namespace {

// Internal type names (pg_type.typname) and the names format_type() displays.
// Source: PostgreSQL docs, "Data Types" table 8.1 and format_type.c.
struct TypeAlias {
    std::string_view internal;
    std::string_view display;
};
constexpr std::array k_builtin_aliases{
    TypeAlias{"int2", "smallint"},
    TypeAlias{"int4", "integer"},
    TypeAlias{"int", "integer"},
    TypeAlias{"int8", "bigint"},
    TypeAlias{"float4", "real"},
    TypeAlias{"float8", "double precision"},
    TypeAlias{"float", "double precision"},
    TypeAlias{"bool", "boolean"},
    TypeAlias{"varchar", "character varying"},
    TypeAlias{"bpchar", "character"},
    TypeAlias{"char", "character"},
    TypeAlias{"varbit", "bit varying"},
    TypeAlias{"timestamp", "timestamp without time zone"},
    TypeAlias{"timestamptz", "timestamp with time zone"},
    TypeAlias{"time", "time without time zone"},
    TypeAlias{"timetz", "time with time zone"},
    TypeAlias{"decimal", "numeric"},
    TypeAlias{"smallint", "smallint"},
    TypeAlias{"integer", "integer"},
    TypeAlias{"bigint", "bigint"},
    TypeAlias{"real", "real"},
    TypeAlias{"boolean", "boolean"},
};

const std::unordered_set<std::string_view>& builtin_names() {
    static const std::unordered_set<std::string_view> names = [] {
        std::unordered_set<std::string_view> s{
            "text", "bytea", "date", "json", "jsonb", "uuid", "inet", "cidr", "macaddr", "macaddr8", "money",
            "oid", "xml", "tsvector", "tsquery", "point", "line", "lseg", "box", "path", "polygon", "circle",
            "numeric", "interval", "bit", "name", "regclass", "regproc", "regprocedure", "regtype", "regconfig",
            "regdictionary", "regnamespace", "regrole", "regoper", "regoperator", "record", "void", "trigger",
            "event_trigger", "anyelement", "anyarray", "anynonarray", "anyenum", "anyrange", "anymultirange",
            "anycompatible", "anycompatiblearray", "anycompatiblenonarray", "anycompatiblerange", "cstring",
            "internal", "language_handler", "fdw_handler", "index_am_handler", "tsm_handler", "table_am_handler",
            "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange",
            "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange", "txid_snapshot",
            "pg_snapshot", "pg_lsn", "xid", "xid8", "cid", "tid", "aclitem", "refcursor", "jsonpath", "unknown",
            "smallserial", "serial", "bigserial", "serial2", "serial4", "serial8", "character varying",
            "double precision", "bit varying", "timestamp without time zone", "timestamp with time zone",
            "time without time zone", "time with time zone", "character", "\"char\"", "oidvector", "int2vector",
            "pg_node_tree", "pg_ndistinct", "pg_dependencies", "pg_mcv_list", "gtsquery", "gtsvector"};
        for (const auto& a : k_builtin_aliases) {
            s.insert(a.internal);
            s.insert(a.display);
        }
        return s;
    }();
    return names;
}

std::string display_name(std::string_view internal) {
    for (const auto& a : k_builtin_aliases) {
        if (a.internal == internal) {
            return std::string{a.display};
        }
    }
    return std::string{internal};
}

// Interval typmod field masks (src/include/utils/datetime.h: YEAR=2, MONTH=1, DAY=3,
// HOUR=10, MINUTE=11, SECOND=12; INTERVAL_FULL_RANGE = 0x7FFF).
std::string interval_fields(std::int64_t mask) {
    constexpr std::int64_t year = 1 << 2, month = 1 << 1, day = 1 << 3, hour = 1 << 10, minute = 1 << 11,
                           second = 1 << 12;
    struct Field {
        std::int64_t mask;
        std::string_view text;
    };
    static constexpr std::array fields{
        Field{year, "year"},
        Field{month, "month"},
        Field{day, "day"},
        Field{hour, "hour"},
        Field{minute, "minute"},
        Field{second, "second"},
        Field{year | month, "year to month"},
        Field{day | hour, "day to hour"},
        Field{day | hour | minute, "day to minute"},
        Field{day | hour | minute | second, "day to second"},
        Field{hour | minute, "hour to minute"},
        Field{hour | minute | second, "hour to second"},
        Field{minute | second, "minute to second"},
    };
    for (const auto& f : fields) {
        if (f.mask == mask) {
            return std::string{f.text};
        }
    }
    return {};
}

}  // namespace

bool is_builtin_type(std::string_view name) { return builtin_names().contains(name); }

model::TypeRef type_ref(const PgQuery__TypeName* type, const NameContext& ctx) {
    model::TypeRef out;
    if (type == nullptr) {
        return out;
    }
    std::vector<std::string> names = string_list(type->names, type->n_names);
    if (names.empty()) {
        return out;
    }
    std::string schema = names.size() >= 2 ? names[names.size() - 2] : std::string{};
    std::string name = names.back();
    if (schema == "pg_catalog" || (schema.empty() && is_builtin_type(name))) {
        // Quoted "char" is the one-byte internal type, not character(1).
        if (name == "char" && schema.empty()) {
            out.name = {"", "\"char\""};
        } else {
            out.name = {"", display_name(name)};
        }
    } else if (!schema.empty()) {
        out.name = {schema, name};
    } else if (auto found = ctx.type_schema(name)) {
        out.name = {*found, name};
    } else if (ctx.search_path != nullptr && (ctx.empty_path || ctx.search_path->size() > 1)) {
        // Not defined in the input (an extension's type, one made by an earlier file) and
        // the path does not say where it is: pg_catalog alone (pg_dump's empty path), or
        // one of several schemas. Kept as written, never guessed.
        out.name = {"", name};
    } else {
        // The one schema the path names (after pg_catalog, whose types are known).
        out.name = {ctx.default_schema, name};
    }
    for (std::size_t i = 0; i < type->n_typmods; ++i) {
        auto v = node_integer(type->typmods[i]);
        if (v) {
            out.modifiers.push_back(std::to_string(*v));
        } else {
            out.modifiers.push_back(deparse_expression(type->typmods[i], ctx).text);
        }
    }
    if (out.name.schema.empty() && out.name.name == "interval" && !out.modifiers.empty()) {
        std::int64_t mask = 0;
        std::from_chars(out.modifiers[0].data(), out.modifiers[0].data() + out.modifiers[0].size(), mask);
        std::string fields = interval_fields(mask);
        std::vector<std::string> mods;
        if (!fields.empty()) {
            mods.push_back(fields);
        }
        if (out.modifiers.size() > 1) {
            mods.push_back(out.modifiers[1]);
        }
        out.modifiers = std::move(mods);
    }
    // integer[] and integer[][] are the same type: PostgreSQL does not enforce the
    // number of dimensions, and format_type prints one pair of brackets.
    out.array_dims = type->n_array_bounds > 0 ? 1 : 0;
    out.setof = type->setof;
    return out;
}

// --- quoting and names -----------------------------------------------------------

std::string quote_ident(std::string_view name) {
    bool safe = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            safe = false;
            break;
        }
    }
    if (safe) {
        // Keywords other than unreserved ones must be quoted (ruleutils.c quote_identifier).
        static thread_local std::unordered_map<std::string, bool> cache;
        auto it = cache.find(std::string{name});
        if (it == cache.end()) {
            std::string text{name};
            PgQueryScanResult scan = pg_query_scan(text.c_str());
            bool keyword = false;
            if (scan.error == nullptr) {
                PgQuery__ScanResult* tokens = pg_query__scan_result__unpack(
                    nullptr, scan.pbuf.len, reinterpret_cast<const std::uint8_t*>(scan.pbuf.data));
                if (tokens != nullptr) {
                    keyword = tokens->n_tokens == 1 &&
                              tokens->tokens[0]->keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD &&
                              tokens->tokens[0]->keyword_kind != PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD;
                    pg_query__scan_result__free_unpacked(tokens, nullptr);
                }
            }
            pg_query_free_scan_result(scan);
            it = cache.emplace(text, keyword).first;
        }
        safe = !it->second;
    }
    if (safe) {
        return std::string{name};
    }
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string quote_qualified(const model::QualifiedName& name) {
    return name.schema.empty() ? quote_ident(name.name) : quote_ident(name.schema) + "." + quote_ident(name.name);
}

namespace {
// pg_mbcliplen for UTF-8: never cut inside a multi-byte character.
std::size_t clip_utf8(std::string_view s, std::size_t len) {
    len = std::min(len, s.size());
    while (len > 0 && len < s.size() && (static_cast<unsigned char>(s[len]) & 0xC0) == 0x80) {
        --len;
    }
    return len;
}
}  // namespace

std::string make_object_name(std::string_view name1, std::string_view name2, std::string_view label) {
    constexpr std::size_t k_max_identifier = 63;  // NAMEDATALEN - 1
    std::size_t overhead = 0;
    if (!name2.empty()) {
        overhead += 1;
    }
    if (!label.empty()) {
        overhead += label.size() + 1;
    }
    std::size_t avail = k_max_identifier > overhead ? k_max_identifier - overhead : 0;
    std::size_t n1 = name1.size();
    std::size_t n2 = name2.size();
    while (n1 + n2 > avail) {
        if (n1 > n2) {
            --n1;
        } else {
            --n2;
        }
    }
    n1 = clip_utf8(name1, n1);
    n2 = clip_utf8(name2, n2);
    std::string out{name1.substr(0, n1)};
    if (!name2.empty()) {
        out += "_";
        out += name2.substr(0, n2);
    }
    if (!label.empty()) {
        out += "_";
        out += label;
    }
    return out;
}

// --- deparsing -------------------------------------------------------------------

namespace {

std::string deparse_packed(PgQuery__ParseResult* result) {
    std::size_t size = pg_query__parse_result__get_packed_size(result);
    std::string buffer(size, '\0');
    pg_query__parse_result__pack(result, reinterpret_cast<std::uint8_t*>(buffer.data()));
    PgQueryProtobuf pb{size, buffer.data()};
    PgQueryDeparseResult d = pg_query_deparse_protobuf(pb);
    std::string out;
    std::string error;
    if (d.error != nullptr) {
        error = d.error->message != nullptr ? d.error->message : "deparse failed";
    } else if (d.query != nullptr) {
        out = d.query;
    }
    pg_query_free_deparse_result(d);
    if (!error.empty()) {
        throw StatementError(0, "cannot canonicalize this statement (" + error + ")");
    }
    return out;
}

std::string deparse_node(Node* stmt) {
    PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
    raw.stmt = stmt;
    PgQuery__RawStmt* raws[] = {&raw};
    PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
    result.version = 150001;
    result.n_stmts = 1;
    result.stmts = raws;
    // Deparsing packs the tree and has libpg_query unpack and print it: the same
    // expression (a CHECK, a default) recurs across tables and across the inputs of a diff
    // or merge, so each distinct tree is deparsed once per process. Failures are not kept.
    static std::mutex mutex;
    static std::unordered_map<std::string, std::string> deparsed;
    std::string key;
    append_tree_key(&stmt->base, key);
    {
        std::lock_guard lock(mutex);
        if (auto it = deparsed.find(key); it != deparsed.end()) {
            return it->second;
        }
    }
    std::string text = deparse_packed(&result);
    std::lock_guard lock(mutex);
    deparsed.emplace(std::move(key), text);
    return text;
}

// Rewrite names that the grammar would produce differently for the same type
// ("int4" vs INTEGER -> pg_catalog.int4) so that the deparser prints one spelling.
void canonicalize_type_names(PgQuery__TypeName* type, TreeEdits& edits) {
    if (type->n_names != 1) {
        return;
    }
    std::string_view name = node_string(type->names[0]);
    static const std::unordered_map<std::string_view, std::string_view> k_internal{
        {"int4", "int4"},       {"int", "int4"},     {"integer", "int4"},   {"int8", "int8"},
        {"bigint", "int8"},     {"int2", "int2"},    {"smallint", "int2"},  {"float8", "float8"},
        {"float4", "float4"},   {"real", "float4"},  {"bool", "bool"},      {"boolean", "bool"},
        {"timestamptz", "timestamptz"}, {"timetz", "timetz"}, {"varchar", "varchar"}, {"numeric", "numeric"},
        {"decimal", "numeric"}, {"bpchar", "bpchar"}, {"varbit", "varbit"}, {"timestamp", "timestamp"},
        {"time", "time"}, {"interval", "interval"}};
    auto it = k_internal.find(name);
    if (it == k_internal.end()) {
        return;
    }
    auto* s1 = edits.make(PgQuery__String(PG_QUERY__STRING__INIT));
    s1->sval = edits.keep("pg_catalog");
    auto* s2 = edits.make(PgQuery__String(PG_QUERY__STRING__INIT));
    s2->sval = edits.keep(std::string{it->second});
    auto* n1 = edits.make(Node(PG_QUERY__NODE__INIT));
    n1->node_case = PG_QUERY__NODE__NODE_STRING;
    n1->string = s1;
    auto* n2 = edits.make(Node(PG_QUERY__NODE__INIT));
    n2->node_case = PG_QUERY__NODE__NODE_STRING;
    n2->string = s2;
    auto* arr = edits.make(std::array<Node*, 2>{n1, n2});
    edits.set(type->names, arr->data());
    edits.set_value(type->n_names, std::size_t{2});
}

struct Collector {
    model::Expression* expr;
    const NameContext* ctx;
    TreeEdits* edits;
    bool qualify_relations;
    std::unordered_set<std::string> cte_names;
    ColumnScope scope;  // what bare column names of a query mean (views)

    void operator()(ProtobufCMessage* msg) {
        if (msg->descriptor == &pg_query__type_name__descriptor) {
            auto* tn = reinterpret_cast<PgQuery__TypeName*>(msg);
            canonicalize_type_names(tn, *edits);
            if (tn->n_names == 1) {
                std::string name{node_string(tn->names[0])};
                if (!is_builtin_type(name)) {
                    if (auto s = ctx->type_schema(name)) {
                        qualify_names(tn->names, tn->n_names, *s);
                    }
                }
            }
        } else if (msg->descriptor == &pg_query__object_with_args__descriptor) {
            auto* owa = reinterpret_cast<PgQuery__ObjectWithArgs*>(msg);
            if (owa->n_objname == 1) {
                if (auto s = routine_schema(owa)) {
                    qualify_names(owa->objname, owa->n_objname, *s);
                }
            }
        } else if (msg->descriptor == &pg_query__range_var__descriptor) {
            auto* rv = reinterpret_cast<PgQuery__RangeVar*>(msg);
            std::string schema = rv->schemaname != nullptr ? rv->schemaname : "";
            std::string rel = rv->relname != nullptr ? rv->relname : "";
            if (schema.empty() && cte_names.contains(rel)) {
                return;
            }
            if (schema.empty()) {
                schema = ctx->relation_schema(rel).value_or(ctx->default_schema);
                if (qualify_relations) {
                    edits->set(rv->schemaname, edits->keep(schema));
                }
            }
            expr->relations.push_back({schema, rel});
        } else if (msg->descriptor == &pg_query__func_call__descriptor) {
            auto* fc = reinterpret_cast<PgQuery__FuncCall*>(msg);
            auto names = string_list(fc->funcname, fc->n_funcname);
            if (names.empty()) {
                return;
            }
            std::string schema = names.size() >= 2 ? names[names.size() - 2] : std::string{};
            if (schema.empty()) {
                // The function PostgreSQL's overload resolution would pick: a user function
                // is printed qualified, as pg_dump does; a built-in, or a call we cannot
                // decide offline, stays as written (never qualified by name alone).
                CallResolution r = resolve_call(fc, *ctx, scope);
                if (r.outcome == CallResolution::Outcome::user) {
                    qualify_names(fc->funcname, fc->n_funcname, r.schema);
                }
                // Every user function the call may reach is a dependency (ordering only).
                for (auto& q : r.reach) {
                    expr->functions.push_back(std::move(q));
                }
            } else if (schema != "pg_catalog") {
                // Only functions known by schema are dependencies: built-ins are not.
                expr->functions.push_back({schema, names.back()});
            }
            if (names.back() == "nextval" && fc->n_args == 1) {
                qualify_regclass_literal(fc->args[0]);
            }
        } else if (msg->descriptor == &pg_query__column_ref__descriptor) {
            auto* cr = reinterpret_cast<PgQuery__ColumnRef*>(msg);
            if (cr->n_fields >= 1) {
                std::string_view last = node_string(cr->fields[cr->n_fields - 1]);
                if (!last.empty()) {
                    expr->columns.emplace_back(last);
                }
            }
        }
    }

    // The schema of the user routine `name(args)` names, when no built-in of that name
    // could be meant: with arguments, the first schema on the path holding exactly that
    // signature; without, the only schema holding routines of that name.
    std::optional<std::string> routine_schema(const PgQuery__ObjectWithArgs* owa) const {
        std::string name{node_string(owa->objname[0])};
        if (ctx->schema == nullptr || ctx->search_path == nullptr || ctx->empty_path) {
            return std::nullopt;
        }
        std::string args;
        if (!owa->args_unspecified) {
            for (std::size_t i = 0; i < owa->n_objargs; ++i) {
                if (owa->objargs[i]->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) {
                    return std::nullopt;
                }
                args += (i > 0 ? "," : "") + type_key(type_ref(owa->objargs[i]->type_name, *ctx));
            }
            for (const auto& b : builtin_functions(name)) {
                if (b.args == args && ctx->catalog_position == 0) {
                    return std::nullopt;
                }
            }
        } else if (!builtin_functions(name).empty()) {
            return std::nullopt;
        }
        std::optional<std::string> found;
        for (const auto& s : *ctx->search_path) {
            model::RoutineName probe{{s, name}, ""};
            for (auto it = ctx->schema->functions.lower_bound(probe);
                 it != ctx->schema->functions.end() && it->first.name == probe.name; ++it) {
                std::string have;
                for (const auto& a : it->second.args) {
                    if (a.mode != model::ArgMode::out && a.mode != model::ArgMode::table) {
                        have += (have.empty() ? "" : ",") + type_key(a.type);
                    }
                }
                if (owa->args_unspecified || have == args) {
                    if (!owa->args_unspecified) {
                        return s;
                    }
                    if (found && *found != s) {
                        return std::nullopt;
                    }
                    found = s;
                }
            }
        }
        return found;
    }

    // Replaces a one-part name list by schema.name (the list is restored after deparse).
    void qualify_names(Node**& names, std::size_t& n, const std::string& schema) {
        auto* s1 = edits->make(PgQuery__String(PG_QUERY__STRING__INIT));
        s1->sval = edits->keep(schema);
        auto* n1 = edits->make(Node(PG_QUERY__NODE__INIT));
        n1->node_case = PG_QUERY__NODE__NODE_STRING;
        n1->string = s1;
        auto* arr = edits->make(std::array<Node*, 2>{n1, names[0]});
        edits->set(names, arr->data());
        edits->set_value(n, std::size_t{2});
    }

    // nextval('users_id_seq') and nextval('public.users_id_seq'::regclass) name the same
    // sequence; the engine stores a regclass constant and pg_dump prints it qualified.
    void qualify_regclass_literal(Node* arg) {
        Node* literal = arg;
        if (arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
            literal = arg->type_cast->arg;
        }
        if (literal == nullptr || literal->node_case != PG_QUERY__NODE__NODE_A_CONST ||
            literal->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL) {
            return;
        }
        std::string text = literal->a_const->sval->sval;
        model::QualifiedName seq = split_regclass(text);
        expr->relations.push_back(seq);
        std::string canonical = quote_qualified(seq);
        auto* s = edits->make(PgQuery__String(PG_QUERY__STRING__INIT));
        s->sval = edits->keep(canonical);
        edits->set(literal->a_const->sval, s);
        if (arg->node_case != PG_QUERY__NODE__NODE_TYPE_CAST) {
            // Wrap in ::regclass like the stored form.
            auto* name = edits->make(PgQuery__String(PG_QUERY__STRING__INIT));
            name->sval = edits->keep("regclass");
            auto* name_node = edits->make(Node(PG_QUERY__NODE__INIT));
            name_node->node_case = PG_QUERY__NODE__NODE_STRING;
            name_node->string = name;
            auto* names = edits->make(std::array<Node*, 1>{name_node});
            auto* tn = edits->make(PgQuery__TypeName(PG_QUERY__TYPE_NAME__INIT));
            tn->names = names->data();
            tn->n_names = 1;
            tn->typemod = -1;
            tn->location = -1;
            auto* literal_copy = edits->make(Node(*literal));
            auto* cast = edits->make(PgQuery__TypeCast(PG_QUERY__TYPE_CAST__INIT));
            cast->arg = literal_copy;
            cast->type_name = tn;
            cast->location = -1;
            edits->set_value(arg->node_case, PG_QUERY__NODE__NODE_TYPE_CAST);
            edits->set(arg->type_cast, cast);
        }
    }

    model::QualifiedName split_regclass(std::string_view text) const {
        // 'schema.name', 'name', '"Quoted".name' -> parts, unquoted parts folded to lower case.
        std::vector<std::string> parts;
        std::string current;
        bool quoted = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (quoted) {
                if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                    current += '"';
                    ++i;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current += c;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '.') {
                parts.push_back(current);
                current.clear();
            } else {
                current += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
        }
        parts.push_back(current);
        if (parts.size() >= 2) {
            return {parts[parts.size() - 2], parts.back()};
        }
        return {ctx->relation_schema(parts.back()).value_or(ctx->default_schema), parts.back()};
    }
};

void collect_cte_names(ProtobufCMessage* root, std::unordered_set<std::string>& names) {
    walk(root, [&](ProtobufCMessage* msg) {
        if (msg->descriptor == &pg_query__common_table_expr__descriptor) {
            auto* cte = reinterpret_cast<PgQuery__CommonTableExpr*>(msg);
            if (cte->ctename != nullptr) {
                names.insert(cte->ctename);
            }
        }
    });
}

// The relations a query reads, by the name its column references use (alias or relation
// name), for typing column references in function calls (function_resolution.hpp).
void collect_scope(ProtobufCMessage* root, const NameContext& ctx, ColumnScope& scope) {
    walk(root, [&](ProtobufCMessage* msg) {
        if (msg->descriptor == &pg_query__range_var__descriptor) {
            auto* rv = reinterpret_cast<PgQuery__RangeVar*>(msg);
            std::string rel = rv->relname != nullptr ? rv->relname : "";
            std::string schema = rv->schemaname != nullptr ? rv->schemaname : "";
            std::string key = rv->alias != nullptr && rv->alias->aliasname != nullptr ? rv->alias->aliasname : rel;
            const model::Table* table = nullptr;
            if (ctx.schema != nullptr) {
                if (schema.empty()) {
                    schema = ctx.relation_schema(rel).value_or(ctx.default_schema);
                }
                if (auto it = ctx.schema->tables.find({schema, rel}); it != ctx.schema->tables.end()) {
                    table = &it->second;
                }
            }
            auto [it, inserted] = scope.relations.emplace(key, table);
            if (!inserted && it->second != table) {
                it->second = nullptr;
            }
        } else if (msg->descriptor == &pg_query__range_subselect__descriptor ||
                   msg->descriptor == &pg_query__range_function__descriptor ||
                   msg->descriptor == &pg_query__range_table_func__descriptor ||
                   msg->descriptor == &pg_query__common_table_expr__descriptor) {
            // Derived tables name their own columns: bare names could be theirs.
            scope.opaque_sources = true;
        } else if (msg->descriptor == &pg_query__join_expr__descriptor) {
            auto* join = reinterpret_cast<PgQuery__JoinExpr*>(msg);
            if (join->alias != nullptr || join->join_using_alias != nullptr) {
                scope.opaque_sources = true;
            }
        }
    });
}

bool same_type_ignoring_modifiers(const model::TypeRef& a, const model::TypeRef& b) {
    return a.name == b.name && a.array_dims == b.array_dims;
}

bool is_numeric_type(const model::TypeRef& t) {
    static const std::unordered_set<std::string_view> k_numeric{"smallint", "integer", "bigint", "numeric", "real",
                                                               "double precision"};
    return t.name.schema.empty() && t.array_dims == 0 && k_numeric.contains(t.name.name);
}

bool looks_numeric(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    std::size_t i = (s[0] == '-') ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') {
            digits = true;
        } else if (s[i] == '.' && !dot) {
            dot = true;
        } else {
            return false;
        }
    }
    return digits;
}

// A default `'x'::text` on a text column is stored exactly like `'x'`: PostgreSQL
// coerces the literal to the column type when it stores the default (pg_attrdef),
// and ruleutils then prints the cast. Drop that cast, and print numeric literals as
// numbers (pg_dump shows negative integer defaults as '-1'::integer).
Node* strip_default_cast(Node* expr, const model::TypeRef& column_type, const NameContext& ctx, TreeEdits& edits) {
    if (expr == nullptr || expr->node_case != PG_QUERY__NODE__NODE_TYPE_CAST) {
        return expr;
    }
    Node* arg = expr->type_cast->arg;
    if (arg == nullptr || arg->node_case != PG_QUERY__NODE__NODE_A_CONST || arg->a_const->isnull) {
        return expr;
    }
    model::TypeRef cast_type = type_ref(expr->type_cast->type_name, ctx);
    if (!same_type_ignoring_modifiers(cast_type, column_type)) {
        return expr;
    }
    if (arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL && is_numeric_type(column_type) &&
        looks_numeric(arg->a_const->sval->sval)) {
        std::string text = arg->a_const->sval->sval;
        auto* c = edits.make(PgQuery__AConst(*arg->a_const));
        std::int64_t iv = 0;
        auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), iv);
        if (ec == std::errc{} && p == text.data() + text.size() && iv >= INT32_MIN && iv <= INT32_MAX) {
            auto* i = edits.make(PgQuery__Integer(PG_QUERY__INTEGER__INIT));
            i->ival = static_cast<std::int32_t>(iv);
            c->val_case = PG_QUERY__A__CONST__VAL_IVAL;
            c->ival = i;
        } else {
            auto* f = edits.make(PgQuery__Float(PG_QUERY__FLOAT__INIT));
            f->fval = edits.keep(text);
            c->val_case = PG_QUERY__A__CONST__VAL_FVAL;
            c->fval = f;
        }
        auto* n = edits.make(Node(PG_QUERY__NODE__INIT));
        n->node_case = PG_QUERY__NODE__NODE_A_CONST;
        n->a_const = c;
        return n;
    }
    return arg;
}

}  // namespace

// Prints the simplest, most common expressions (literals, plain function calls such
// as nextval('s'::regclass) and now(), casts of literals to one-word types) exactly as
// libpg_query's deparser would, without its round trip through protobuf and memory
// contexts. Anything else returns nullopt and goes to the deparser. Equality with the
// deparser is asserted by tests/unit/parser/canonical_forms_test.cpp.
std::optional<std::string> format_simple_expression(const Node* node) {
    if (node == nullptr) {
        return std::nullopt;
    }
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_A_CONST: {
            const auto* c = node->a_const;
            if (c->isnull) {
                return "NULL";
            }
            switch (c->val_case) {
                case PG_QUERY__A__CONST__VAL_IVAL:
                    if (c->ival->ival < 0) {
                        return std::nullopt;
                    }
                    return std::to_string(c->ival->ival);
                case PG_QUERY__A__CONST__VAL_FVAL: {
                    std::string_view f = c->fval->fval != nullptr ? c->fval->fval : "";
                    if (f.empty() || f[0] == '-') {
                        return std::nullopt;
                    }
                    return std::string{f};
                }
                case PG_QUERY__A__CONST__VAL_BOOLVAL: return c->boolval->boolval ? "true" : "false";
                case PG_QUERY__A__CONST__VAL_SVAL: {
                    std::string_view s = c->sval->sval != nullptr ? c->sval->sval : "";
                    if (s.find('\\') != std::string_view::npos) {
                        return std::nullopt;  // the deparser switches to E'' strings
                    }
                    std::string out = "'";
                    for (char ch : s) {
                        out += ch;
                        if (ch == '\'') {
                            out += '\'';
                        }
                    }
                    return out + "'";
                }
                default: return std::nullopt;
            }
        }
        case PG_QUERY__NODE__NODE_TYPE_CAST: {
            const auto* tc = node->type_cast;
            const auto* tn = tc->type_name;
            if (tc->arg == nullptr || tc->arg->node_case != PG_QUERY__NODE__NODE_A_CONST || tn == nullptr ||
                tn->n_names != 1 || tn->n_typmods != 0 || tn->n_array_bounds != 0 || tn->setof || tn->pct_type) {
                return std::nullopt;
            }
            std::string_view type = node_string(tn->names[0]);
            // One-word types the deparser prints as written (not pg_catalog aliases).
            static const std::unordered_set<std::string_view> k_plain{"regclass", "text", "date", "jsonb", "json",
                                                                      "uuid", "bytea", "inet"};
            if (!k_plain.contains(type) || tc->arg->a_const->isnull) {
                return std::nullopt;
            }
            auto arg = format_simple_expression(tc->arg);
            if (!arg || tc->arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL) {
                return std::nullopt;
            }
            return *arg + "::" + std::string{type};
        }
        case PG_QUERY__NODE__NODE_FUNC_CALL: {
            const auto* fc = node->func_call;
            if (fc->n_agg_order != 0 || fc->agg_filter != nullptr || fc->over != nullptr || fc->agg_within_group ||
                fc->agg_star || fc->agg_distinct || fc->func_variadic || fc->n_funcname == 0 || fc->n_funcname > 2) {
                return std::nullopt;
            }
            std::string out;
            for (std::size_t i = 0; i < fc->n_funcname; ++i) {
                std::string_view part = node_string(fc->funcname[i]);
                if (part.empty() || part == "pg_catalog") {
                    return std::nullopt;  // the deparser special-cases SQL-standard functions
                }
                // Only plain lower-case names: keywords and quoting stay with the deparser.
                for (char ch : part) {
                    if (!((ch >= 'a' && ch <= 'z') || ch == '_' || (ch >= '0' && ch <= '9'))) {
                        return std::nullopt;
                    }
                }
                if (quote_ident(part) != part) {
                    return std::nullopt;
                }
                out += (i > 0 ? "." : "") + std::string{part};
            }
            out += "(";
            for (std::size_t i = 0; i < fc->n_args; ++i) {
                auto arg = format_simple_expression(fc->args[i]);
                if (!arg) {
                    return std::nullopt;
                }
                out += (i > 0 ? ", " : "") + *arg;
            }
            return out + ")";
        }
        default: return std::nullopt;
    }
}

model::Expression deparse_expression(Node* expr, const NameContext& ctx, const model::TypeRef* column_type) {
    model::Expression out;
    if (expr == nullptr) {
        return out;
    }
    TreeEdits edits;
    Node* top = column_type != nullptr ? strip_default_cast(expr, *column_type, ctx, edits) : expr;
    Collector collector{&out, &ctx, &edits, true, {}, {}};
    collect_cte_names(&top->base, collector.cte_names);
    walk(&top->base, std::ref(collector));
    if (auto simple = format_simple_expression(top)) {
        out.text = std::move(*simple);
        return out;
    }

    PgQuery__ResTarget target = PG_QUERY__RES_TARGET__INIT;
    target.val = top;
    target.location = -1;
    Node target_node = PG_QUERY__NODE__INIT;
    target_node.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
    target_node.res_target = &target;
    Node* targets[] = {&target_node};
    PgQuery__SelectStmt select = PG_QUERY__SELECT_STMT__INIT;
    select.n_target_list = 1;
    select.target_list = targets;
    select.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
    select.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
    Node select_node = PG_QUERY__NODE__INIT;
    select_node.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
    select_node.select_stmt = &select;
    std::string text = deparse_node(&select_node);
    constexpr std::string_view k_prefix = "SELECT ";
    if (text.starts_with(k_prefix)) {
        text.erase(0, k_prefix.size());
    }
    out.text = std::move(text);
    return out;
}

std::string deparse_expression_slow(Node* expr) {
    PgQuery__ResTarget target = PG_QUERY__RES_TARGET__INIT;
    target.val = expr;
    target.location = -1;
    Node target_node = PG_QUERY__NODE__INIT;
    target_node.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
    target_node.res_target = &target;
    Node* targets[] = {&target_node};
    PgQuery__SelectStmt select = PG_QUERY__SELECT_STMT__INIT;
    select.n_target_list = 1;
    select.target_list = targets;
    select.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
    select.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
    Node select_node = PG_QUERY__NODE__INIT;
    select_node.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
    select_node.select_stmt = &select;
    std::string text = deparse_node(&select_node);
    if (text.starts_with("SELECT ")) {
        text.erase(0, 7);
    }
    return text;
}

model::Expression deparse_statement(Node* stmt, const NameContext& ctx, bool qualify_relations) {
    model::Expression out;
    TreeEdits edits;
    Collector collector{&out, &ctx, &edits, qualify_relations, {}, {}};
    collect_cte_names(&stmt->base, collector.cte_names);
    collect_scope(&stmt->base, ctx, collector.scope);
    walk(&stmt->base, std::ref(collector));
    out.text = deparse_node(stmt);
    return out;
}

model::Expression references_of(Node* node, const NameContext& ctx) {
    model::Expression out;
    TreeEdits edits;
    Collector collector{&out, &ctx, &edits, false, {}, {}};
    collect_cte_names(&node->base, collector.cte_names);
    collect_scope(&node->base, ctx, collector.scope);
    walk(&node->base, std::ref(collector));
    return out;
}

std::string deparse_raw(Node* stmt) { return deparse_node(stmt); }

}  // namespace schemerge::parser::postgres
