#include "benchmarks/mysql_schema_generator.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace schemerge::benchmarks::mysql {

namespace {

// splitmix64, as in schema_generator.cpp: fully specified, so a seed gives the same
// schema on every standard library (std::uniform_int_distribution is implementation-defined).
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state(seed) {}

    std::uint64_t next() {
        state += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }

    // The modulo bias is irrelevant for test data and keeps the stream portable.
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    bool percent(unsigned p) { return below(100) < p; }

    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[below(i)]);
        }
    }

  private:
    std::uint64_t state;
};

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    Rng rng(a ^ (b * 0xD6E8FEB86659FD93ULL));
    return rng.next();
}

// Streams of this generator never coincide with the PostgreSQL generator's.
constexpr std::uint64_t k_table_salt = 0x4D7953514C5F7462ULL;    // "MySQL_tb"
constexpr std::uint64_t k_variant_salt = 0x4D7953514C5F7661ULL;  // "MySQL_va"
constexpr std::uint64_t k_churn_salt = 0x4D7953514C5F6368ULL;    // "MySQL_ch"

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

// MySQL identifiers are at most 64 characters: longer generated names are cut and keep
// a hash of the whole name, so they stay unique.
std::string fit(std::string name) {
    if (name.size() <= 64) {
        return name;
    }
    const std::uint64_t h = fnv1a(name);
    name.resize(55);
    return fmt::format("{}_{:08x}", name, h & 0xFFFFFFFFULL);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += items[i];
    }
    return out;
}

// '…' with quotes doubled, as SHOW CREATE TABLE prints comments and defaults.
std::string quote(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += '\'';
        }
        out += c;
    }
    out += '\'';
    return out;
}

std::string bq(std::string_view name) {
    return fmt::format("`{}`", name);
}

// Handwritten DDL quotes only what must be quoted.
std::string hw_name(std::string_view name) {
    static constexpr std::array<std::string_view, 4> k_reserved = {"key", "order", "group", "range"};
    for (auto r : k_reserved) {
        if (name == r) {
            return bq(name);
        }
    }
    return std::string(name);
}

// ---------------------------------------------------------------------------
// Vocabulary

constexpr std::array<std::string_view, 15> k_domains = {
    "customer", "order",   "billing", "stock",   "user",     "team",    "project", "store",
    "vendor",   "support", "sales",   "content", "shipping", "payroll", "catalog",
};

struct Noun {
    std::string_view singular;
    std::string_view plural;
};

constexpr std::array<Noun, 22> k_nouns = {{
    {"account", "accounts"},
    {"item", "items"},
    {"entry", "entries"},
    {"record", "records"},
    {"note", "notes"},
    {"event", "events"},
    {"profile", "profiles"},
    {"setting", "settings"},
    {"address", "addresses"},
    {"payment", "payments"},
    {"invoice", "invoices"},
    {"shipment", "shipments"},
    {"review", "reviews"},
    {"tag", "tags"},
    {"attachment", "attachments"},
    {"log", "logs"},
    {"snapshot", "snapshots"},
    {"batch", "batches"},
    {"request", "requests"},
    {"rule", "rules"},
    {"contact", "contacts"},
    {"category", "categories"},
}};

// ---------------------------------------------------------------------------
// The plan: one schema described once, rendered in either style.

enum class Type : unsigned char {
    tinyint,
    smallint,
    int_,
    bigint,
    boolean,
    decimal,
    float_,
    double_,
    char_,
    varchar,
    binary,
    varbinary,
    text,
    mediumtext,
    json,
    enumeration,
    set,
    date,
    datetime,
    timestamp,
    time,
    bit,
};

struct Column {
    std::string name;
    Type type = Type::int_;
    bool is_unsigned = false;
    int length = 0;                        // char/varchar/binary/varbinary/bit length, decimal precision
    int scale = 0;                         // decimal scale, fractional seconds of datetime/timestamp
    std::vector<std::string_view> values;  // enum/set members
    std::string charset_dump;              // "CHARACTER SET … COLLATE …" when it differs from the table's
    std::string charset_hw;                // what the handwritten file says (may be redundant)
    bool not_null = false;
    bool auto_increment = false;
    std::string default_dump;  // empty: no DEFAULT clause (nullable columns print DEFAULT NULL)
    std::string default_hw;
    std::string on_update_dump;
    std::string on_update_hw;
    std::string generated_dump;  // GENERATED ALWAYS AS (…)
    std::string generated_hw;
    bool stored = false;
    std::string check_dump;  // column CHECK (stays on the column in MariaDB)
    std::string check_hw;
    std::string comment;
    unsigned spelling = 0;  // random bits: which of the handwritten spellings to use
    bool pinned = false;    // used by a key, check, generated column, view, trigger or routine
};

enum class Action : unsigned char { none, restrict, cascade, set_null, no_action };

enum class KeyKind : unsigned char { primary, unique, index, fulltext };

struct KeyPart {
    std::string column;
    int prefix = 0;
    bool desc = false;
};

struct Key {
    KeyKind kind = KeyKind::index;
    std::string name;
    std::vector<KeyPart> parts;
    bool hw_inline = false;     // handwritten: `primary key` / `unique` on the column
    bool hw_unnamed = false;    // the name is the one MariaDB picks: the first column's
    bool fk_generated = false;  // the index InnoDB creates for a foreign key: not in the handwritten file
    bool after_table = false;   // handwritten: `create index … on …` after the table
    bool using_btree = false;
    unsigned spelling = 0;
};

struct ForeignKey {
    std::string name;
    std::string column;
    std::size_t target = 0;  // table index; the table itself for parent_id
    Action on_delete = Action::none;
    Action on_update = Action::none;
    bool hw_unnamed = false;  // named <table>_ibfk_<n> by InnoDB
};

struct TableCheck {
    std::string name;
    std::string dump;
    std::string hw;
    bool hw_unnamed = false;  // named CONSTRAINT_<n> by MariaDB
};

enum class ViewKind : unsigned char { join, counts };

struct View {
    std::string name;
    ViewKind kind = ViewKind::join;
    std::size_t fk = 0;  // into Table::fks
    bool left_join = false;
    bool filter_deleted = false;
    std::vector<std::string> own_columns;
    bool merge_algorithm = false;
    bool invoker = false;
};

struct Trigger {
    std::string name;
    std::string_view event;  // INSERT / UPDATE
    std::string dump;        // the statement after DEFINER, as the catalog keeps it
    std::string hw;          // the whole handwritten statement, without its terminator
    bool compound = false;   // BEGIN … END: the handwritten file needs a delimiter
};

struct Routine {
    std::string name;
    bool function = false;
    std::string dump;  // CREATE DEFINER=… as SHOW CREATE prints it
    std::string hw;
    bool compound = false;
};

struct Table {
    std::string name;
    std::string stem;  // singular, for the FK column names of referencing tables
    std::string label;
    std::vector<Column> columns;  // id first
    std::vector<Key> keys;        // in the order the handwritten file declares them
    std::vector<ForeignKey> fks;  // in declaration order
    std::vector<TableCheck> checks;
    std::string charset;
    std::string collation;
    std::string options_hw;  // the handwritten table options' charset part
    std::uint64_t auto_increment = 0;
    bool row_format_dynamic = false;
    bool hw_engine = true;
    std::string comment;
    std::vector<View> views;
    std::vector<Trigger> triggers;  // in SHOW TRIGGERS order (event, then creation)
    std::vector<Routine> routines;
    unsigned spelling = 0;

    [[nodiscard]] const Column* find(std::string_view column) const {
        for (const auto& c : columns) {
            if (c.name == column) {
                return &c;
            }
        }
        return nullptr;
    }
    Column* find(std::string_view column) {
        for (auto& c : columns) {
            if (c.name == column) {
                return &c;
            }
        }
        return nullptr;
    }
    [[nodiscard]] bool has_key_name(std::string_view key) const {
        return std::any_of(keys.begin(), keys.end(), [&](const Key& k) { return k.name == key; });
    }
    [[nodiscard]] bool has_key_columns(const std::vector<KeyPart>& parts) const {
        return std::any_of(keys.begin(), keys.end(), [&](const Key& k) {
            if (k.parts.size() != parts.size() || k.kind == KeyKind::fulltext) {
                return false;
            }
            for (std::size_t i = 0; i < parts.size(); ++i) {
                if (k.parts[i].column != parts[i].column || k.parts[i].prefix != parts[i].prefix ||
                    k.parts[i].desc != parts[i].desc) {
                    return false;
                }
            }
            return true;
        });
    }
};

struct Plan {
    std::vector<Table> tables;
    bool schema_migrations = false;
    std::vector<std::string> migrations;  // versions, ascending
};

// ---------------------------------------------------------------------------
// Types

std::string dump_type(const Column& c) {
    const auto int_type = [&](std::string_view name, int width) {
        return c.is_unsigned ? fmt::format("{}({}) unsigned", name, width - 1) : fmt::format("{}({})", name, width);
    };
    const auto members = [&] {
        std::vector<std::string> quoted;
        for (auto v : c.values) {
            quoted.push_back(quote(v));
        }
        return join(quoted, ",");
    };
    switch (c.type) {
        case Type::tinyint: return int_type("tinyint", 4);
        case Type::smallint: return int_type("smallint", 6);
        case Type::int_: return int_type("int", 11);
        case Type::bigint: return c.is_unsigned ? "bigint(20) unsigned" : "bigint(20)";
        case Type::boolean: return "tinyint(1)";
        case Type::decimal: return fmt::format("decimal({},{})", c.length, c.scale);
        case Type::float_: return "float";
        case Type::double_: return "double";
        case Type::char_: return fmt::format("char({})", c.length);
        case Type::varchar: return fmt::format("varchar({})", c.length);
        case Type::binary: return fmt::format("binary({})", c.length);
        case Type::varbinary: return fmt::format("varbinary({})", c.length);
        case Type::text: return "text";
        case Type::mediumtext: return "mediumtext";
        case Type::json: return "longtext";
        case Type::enumeration: return fmt::format("enum({})", members());
        case Type::set: return fmt::format("set({})", members());
        case Type::date: return "date";
        case Type::datetime: return c.scale > 0 ? fmt::format("datetime({})", c.scale) : "datetime";
        case Type::timestamp: return c.scale > 0 ? fmt::format("timestamp({})", c.scale) : "timestamp";
        case Type::time: return "time";
        case Type::bit: return fmt::format("bit({})", c.length);
    }
    return "text";
}

std::string hw_type(const Column& c) {
    const unsigned s = c.spelling;
    const auto with_sign = [&](std::string_view name) {
        return c.is_unsigned ? fmt::format("{} unsigned", name) : std::string(name);
    };
    const auto members = [&] {
        std::vector<std::string> quoted;
        for (auto v : c.values) {
            quoted.push_back(quote(v));
        }
        return join(quoted, (s & 1U) != 0 ? ", " : ",");
    };
    switch (c.type) {
        case Type::tinyint: return with_sign("tinyint");
        case Type::smallint: return with_sign("smallint");
        case Type::int_: return with_sign((s & 1U) != 0 ? "integer" : "int");
        case Type::bigint: return with_sign("bigint");
        case Type::boolean:
            switch (s % 3) {
                case 0: return "bool";
                case 1: return "boolean";
                default: return "tinyint(1)";
            }
        case Type::decimal:
            switch (s % 3) {
                case 0: return fmt::format("decimal({},{})", c.length, c.scale);
                case 1: return fmt::format("dec({}, {})", c.length, c.scale);
                default: return fmt::format("numeric({},{})", c.length, c.scale);
            }
        case Type::float_: return "float";
        case Type::double_:
            switch (s % 3) {
                case 0: return "double";
                case 1: return "double precision";
                default: return "real";
            }
        case Type::char_: return fmt::format("char({})", c.length);
        case Type::varchar: return fmt::format("varchar({})", c.length);
        case Type::binary: return fmt::format("binary({})", c.length);
        case Type::varbinary: return fmt::format("varbinary({})", c.length);
        case Type::text: return "text";
        case Type::mediumtext: return "mediumtext";
        case Type::json: return "json";
        case Type::enumeration: return fmt::format("enum({})", members());
        case Type::set: return fmt::format("set({})", members());
        case Type::date: return "date";
        case Type::datetime: return c.scale > 0 ? fmt::format("datetime({})", c.scale) : "datetime";
        case Type::timestamp: return c.scale > 0 ? fmt::format("timestamp({})", c.scale) : "timestamp";
        case Type::time: return "time";
        case Type::bit: return fmt::format("bit({})", c.length);
    }
    return "text";
}

// The type as a routine parameter: handwritten and dump-style routines keep it verbatim.
std::string param_type_dump(const Column& c) {
    const std::string base = c.type == Type::bigint ? "BIGINT" : "INT";
    return c.is_unsigned ? base + " UNSIGNED" : base;
}

std::string param_type_hw(const Column& c) {
    const std::string base = c.type == Type::bigint ? "bigint" : "int";
    return c.is_unsigned ? base + " unsigned" : base;
}

// ---------------------------------------------------------------------------
// Columns

Column id_column(Rng& rng) {
    Column c;
    c.name = "id";
    const std::size_t r = rng.below(100);
    c.type = r < 55 ? Type::int_ : Type::bigint;
    c.is_unsigned = r < 40 || (r >= 55 && r < 95);
    c.not_null = true;
    c.auto_increment = true;
    c.pinned = true;
    return c;
}

Column reference_column(const Column& id, std::string name) {
    Column c;
    c.name = std::move(name);
    c.type = id.type;
    c.is_unsigned = id.is_unsigned;
    c.pinned = true;
    return c;
}

// Timestamp defaults: the catalog prints current_timestamp(), people write it several ways.
std::string now_dump(int scale) {
    return scale > 0 ? fmt::format("current_timestamp({})", scale) : "current_timestamp()";
}

std::string now_hw(int scale, unsigned spelling) {
    if (scale > 0) {
        return (spelling & 1U) != 0 ? fmt::format("now({})", scale) : fmt::format("current_timestamp({})", scale);
    }
    switch (spelling % 3) {
        case 0: return "current_timestamp";
        case 1: return "now()";
        default: return "CURRENT_TIMESTAMP";
    }
}

struct TableContext {
    bool utf8mb4 = true;
    std::string collation;
};

constexpr std::array<std::string_view, 4> k_status = {"pending", "active", "suspended", "closed"};
constexpr std::array<std::string_view, 4> k_priority = {"low", "normal", "high", "urgent"};
constexpr std::array<std::string_view, 3> k_visibility = {"private", "internal", "public"};
constexpr std::array<std::string_view, 4> k_payment = {"card", "bank_transfer", "invoice", "voucher"};
constexpr std::array<std::string_view, 4> k_tags = {"new", "featured", "sale", "clearance"};

template <std::size_t N>
std::vector<std::string_view> member_list(const std::array<std::string_view, N>& values) {
    return {values.begin(), values.end()};
}

constexpr std::size_t k_template_count = 32;

// One column (two for `period`) from template `which`; nothing when it does not fit the table.
std::vector<Column> template_columns(std::size_t which, const TableContext& table, Rng& rng) {
    Column c;
    c.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
    const auto maybe_comment = [&](std::string_view text) {
        if (rng.percent(35)) {
            c.comment = std::string(text);
        }
    };
    switch (which) {
        case 0:
            c.name = "code";
            c.type = Type::varchar;
            c.length = 32;
            c.not_null = true;
            if (rng.percent(40)) {
                c.charset_dump = "CHARACTER SET ascii COLLATE ascii_bin";
                c.charset_hw = "character set ascii collate ascii_bin";
            } else if (rng.percent(35)) {
                c.charset_dump = table.utf8mb4 ? "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                                               : "CHARACTER SET utf8mb3 COLLATE utf8mb3_bin";
                c.charset_hw = table.utf8mb4 ? "collate utf8mb4_bin" : "collate utf8_bin";
            }
            if (rng.percent(40)) {
                c.check_dump = "char_length(`code`) >= 2";
                c.check_hw = "char_length(code) >= 2";
            }
            maybe_comment("Short business key shown in the UI.");
            break;
        case 1:
            c.name = "email";
            c.type = Type::varchar;
            c.length = 255;
            c.not_null = rng.percent(60);
            maybe_comment("Where notifications go; one per row.");
            break;
        case 2:
            c.name = "description";
            c.type = Type::text;
            break;
        case 3:
            c.name = "notes";
            c.type = rng.percent(50) ? Type::text : Type::mediumtext;
            if (rng.percent(40)) {
                c.not_null = true;
                c.default_dump = "''";
                c.default_hw = "''";
            }
            maybe_comment("Free text, not shown to customers.");
            break;
        case 4:
            c.name = "quantity";
            c.type = Type::int_;
            c.not_null = true;
            c.default_dump = "0";
            c.default_hw = (c.spelling & 4U) != 0 ? "'0'" : "0";
            if (rng.percent(60)) {
                c.check_dump = "`quantity` >= 0";
                c.check_hw = "quantity >= 0";
            }
            break;
        case 5:
            c.name = "amount";
            c.type = Type::decimal;
            c.length = 10;
            c.scale = 2;
            c.not_null = true;
            c.default_dump = "0.00";
            c.default_hw = (c.spelling & 4U) != 0 ? "0.00" : "0";
            if (rng.percent(50)) {
                c.check_dump = "`amount` >= 0";
                c.check_hw = "amount >= 0";
            }
            maybe_comment("Gross amount in the account's currency.");
            break;
        case 6:
            c.name = "unit_price";
            c.type = Type::decimal;
            c.length = 12;
            c.scale = 4;
            break;
        case 7:
            c.name = "is_active";
            c.type = Type::boolean;
            c.not_null = true;
            c.default_dump = "1";
            c.default_hw = (c.spelling & 4U) != 0 ? "true" : "1";
            break;
        case 8:
            c.name = "is_archived";
            c.type = Type::boolean;
            c.default_dump = "0";
            c.default_hw = (c.spelling & 4U) != 0 ? "false" : "0";
            break;
        case 9:
            c.name = "created_at";
            c.not_null = true;
            if (rng.percent(50)) {
                c.type = Type::timestamp;
                c.default_dump = now_dump(0);
                c.default_hw = now_hw(0, c.spelling >> 3U);
            } else {
                // Rails: datetime(6) NOT NULL, set by the application.
                c.type = Type::datetime;
                c.scale = 6;
            }
            break;
        case 10:
            c.name = "updated_at";
            c.not_null = true;
            c.type = rng.percent(60) ? Type::timestamp : Type::datetime;
            c.scale = c.type == Type::datetime && rng.percent(70) ? 6 : 0;
            c.default_dump = now_dump(c.scale);
            c.default_hw = now_hw(c.scale, c.spelling >> 3U);
            c.on_update_dump = now_dump(c.scale);
            c.on_update_hw = now_hw(c.scale, c.spelling >> 5U);
            maybe_comment("Maintained by the server.");
            break;
        case 11:
            c.name = "deleted_at";
            c.type = Type::datetime;
            maybe_comment("Soft delete marker; NULL while the row is live.");
            break;
        case 12:
            c.name = "metadata";
            c.type = Type::json;
            if (rng.percent(30)) {
                c.not_null = true;
                c.default_dump = "'{}'";
                c.default_hw = "'{}'";
            }
            break;
        case 13:
            c.name = "settings";
            c.type = Type::json;
            break;
        case 14:
            c.name = "external_id";
            c.not_null = true;
            if (rng.percent(60)) {
                c.type = Type::char_;
                c.length = 36;
                c.charset_dump = "CHARACTER SET ascii COLLATE ascii_general_ci";
                c.charset_hw = "character set ascii";
            } else {
                c.type = Type::binary;
                c.length = 16;
            }
            maybe_comment("Stable id exposed by the public API.");
            break;
        case 15:
            c.name = "tags";
            c.type = Type::set;
            c.values = member_list(k_tags);
            c.not_null = true;
            c.default_dump = "''";
            c.default_hw = "''";
            break;
        case 16:
            c.name = "score";
            c.type = rng.percent(70) ? Type::double_ : Type::float_;
            break;
        case 17:
            c.name = "status";
            c.type = Type::enumeration;
            c.values = member_list(k_status);
            c.not_null = true;
            c.default_dump = "'pending'";
            c.default_hw = "'pending'";
            break;
        case 18:
            c.name = "priority";
            c.type = Type::enumeration;
            c.values = member_list(k_priority);
            c.not_null = rng.percent(60);
            if (c.not_null || rng.percent(50)) {
                c.default_dump = "'normal'";
                c.default_hw = "'normal'";
            }
            break;
        case 19:
            c.name = "visibility";
            c.type = Type::enumeration;
            c.values = member_list(k_visibility);
            c.default_dump = "'private'";
            c.default_hw = "'private'";
            break;
        case 20:
            c.name = "payment_method";
            c.type = Type::enumeration;
            c.values = member_list(k_payment);
            break;
        case 21:
            c.name = "severity";
            c.type = Type::tinyint;
            c.is_unsigned = true;
            c.not_null = true;
            c.default_dump = "0";
            c.default_hw = "0";
            break;
        case 22:
            c.name = "sort_order";
            c.type = rng.percent(50) ? Type::smallint : Type::int_;
            if (rng.percent(50)) {
                c.check_dump = "`sort_order` > 0";
                c.check_hw = "sort_order > 0";
            }
            break;
        case 23:
            c.name = "version";
            c.type = Type::int_;
            c.is_unsigned = true;
            c.not_null = true;
            c.default_dump = "1";
            c.default_hw = "1";
            maybe_comment("Optimistic locking counter.");
            break;
        case 24:
            c.name = "locale";
            c.not_null = true;
            if (rng.percent(50)) {
                c.type = Type::varchar;
                c.length = 10;
                c.default_dump = "'en'";
                c.default_hw = "'en'";
            } else {
                c.type = Type::char_;
                c.length = 5;
                c.charset_dump = "CHARACTER SET ascii COLLATE ascii_general_ci";
                c.charset_hw = "charset ascii";
                c.default_dump = "'en_US'";
                c.default_hw = "'en_US'";
            }
            break;
        case 25:
            c.name = "total_count";
            c.type = Type::bigint;
            c.is_unsigned = rng.percent(40);
            c.not_null = true;
            c.default_dump = "0";
            c.default_hw = "0";
            break;
        case 26: {
            // starts_at/ends_at with a table CHECK (added by the caller).
            c.name = "starts_at";
            c.type = Type::datetime;
            c.not_null = true;
            c.default_dump = now_dump(0);
            c.default_hw = now_hw(0, c.spelling >> 3U);
            Column ends;
            ends.name = "ends_at";
            ends.type = Type::datetime;
            ends.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
            return {c, ends};
        }
        case 27:
            c.name = "ip_address";
            c.type = Type::varbinary;
            c.length = 16;
            break;
        case 28:
            c.name = rng.percent(50) ? "birth_date" : "due_on";
            c.type = Type::date;
            if (rng.percent(20)) {
                c.not_null = true;
                c.default_dump = "'2000-01-01'";
                c.default_hw = "'2000-01-01'";
            }
            break;
        case 29:
            if (rng.percent(50)) {
                c.name = "is_locked";
                c.type = Type::bit;
                c.length = 1;
                c.not_null = true;
                c.default_dump = "b'0'";
                c.default_hw = "b'0'";
            } else {
                c.name = "opens_at";
                c.type = Type::time;
            }
            break;
        case 30:
            // A reserved word: the handwritten file must quote it.
            c.name = "key";
            c.type = Type::varchar;
            c.length = 100;
            c.not_null = true;
            break;
        case 31:
            if (table.utf8mb4 && rng.percent(50)) {
                c.name = "legacy_name";
                c.type = Type::varchar;
                c.length = 100;
                c.charset_dump = "CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci";
                c.charset_hw = (c.spelling & 2U) != 0 ? "character set utf8" : "charset utf8 collate utf8_general_ci";
            } else {
                c.name = "summary";
                c.type = Type::varchar;
                c.length = 500;
            }
            break;
        default: return {};
    }
    if (c.type == Type::json) {
        c.charset_dump = "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
        c.check_dump = fmt::format("json_valid(`{}`)", c.name);
    }
    // Redundant spellings the catalog drops: the table's own charset and collation.
    if (c.charset_hw.empty() && (c.type == Type::varchar || c.type == Type::text) && rng.percent(5)) {
        c.charset_hw = table.utf8mb4 ? fmt::format("character set utf8mb4 collate {}", table.collation)
                                     : fmt::format("character set utf8mb3 collate {}", table.collation);
    }
    return {c};
}

// ---------------------------------------------------------------------------
// Planning

std::string action_dump(std::string_view clause, Action a) {
    switch (a) {
        case Action::none:
        case Action::restrict: return "";  // RESTRICT is InnoDB's default: not printed
        case Action::cascade: return fmt::format(" ON {} CASCADE", clause);
        case Action::set_null: return fmt::format(" ON {} SET NULL", clause);
        case Action::no_action: return fmt::format(" ON {} NO ACTION", clause);
    }
    return "";
}

std::string action_hw(std::string_view clause, Action a) {
    switch (a) {
        case Action::none: return "";
        case Action::restrict: return fmt::format(" on {} restrict", clause);
        case Action::cascade: return fmt::format(" on {} cascade", clause);
        case Action::set_null: return fmt::format(" on {} set null", clause);
        case Action::no_action: return fmt::format(" on {} no action", clause);
    }
    return "";
}

enum class IndexNaming : unsigned char { rails, idx, unnamed };

std::string index_name(const Table& t, IndexNaming naming, const std::vector<KeyPart>& parts, bool unique) {
    std::vector<std::string> columns;
    for (const auto& p : parts) {
        columns.push_back(p.column);
    }
    switch (naming) {
        case IndexNaming::rails: return fit(fmt::format("index_{}_on_{}", t.name, join(columns, "_and_")));
        case IndexNaming::idx: return fit(fmt::format("{}_{}_{}", unique ? "uk" : "idx", t.name, join(columns, "_")));
        case IndexNaming::unnamed: return parts.front().column;
    }
    return "";
}

// Adds an explicit key unless one with the same columns exists (MariaDB notes duplicates).
bool add_key(Table& t, KeyKind kind, std::vector<KeyPart> parts, IndexNaming naming, Rng& rng) {
    if (t.has_key_columns(parts)) {
        return false;
    }
    Key k;
    k.kind = kind;
    k.parts = std::move(parts);
    k.name = index_name(t, naming, k.parts, kind == KeyKind::unique);
    k.hw_unnamed = naming == IndexNaming::unnamed;
    if (t.has_key_name(k.name)) {
        k.name = index_name(t, IndexNaming::idx, k.parts, kind == KeyKind::unique);
        k.hw_unnamed = false;
        if (t.has_key_name(k.name)) {
            return false;
        }
    }
    k.using_btree = kind == KeyKind::index && rng.percent(8);
    k.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
    for (const auto& p : k.parts) {
        if (Column* c = t.find(p.column)) {
            c->pinned = true;
        }
    }
    t.keys.push_back(std::move(k));
    return true;
}

// The indexes InnoDB adds for foreign keys no other key starts with: named after the
// constraint (or, for an unnamed one, the column), at the FOREIGN KEY clause's place.
void add_foreign_key_indexes(Table& t) {
    for (const auto& fk : t.fks) {
        const bool covered = std::any_of(t.keys.begin(), t.keys.end(), [&](const Key& k) {
            return k.kind != KeyKind::fulltext && k.parts.front().column == fk.column && k.parts.front().prefix == 0;
        });
        if (covered) {
            continue;
        }
        Key k;
        k.kind = KeyKind::index;
        k.name = fk.hw_unnamed ? fk.column : fk.name;
        k.parts = {{fk.column, 0, false}};
        k.fk_generated = true;
        t.keys.push_back(std::move(k));
    }
}

void plan_foreign_keys(Table& t, std::size_t index, const std::vector<Table>& earlier, const Column& id,
                       std::set<std::string>& foreign_key_names, Rng& rng) {
    // Foreign keys point only at earlier tables (or the table itself), so the handwritten
    // file, which creates tables in order, needs no FOREIGN_KEY_CHECKS=0.
    std::set<std::size_t> targets;
    std::size_t unnamed_fks = 0;
    const auto name_fk = [&](ForeignKey& fk) {
        const std::size_t r = rng.below(100);
        // InnoDB wants foreign key names unique in the database: a (never seen) clash
        // of Rails' hashed names falls back to fk_<table>_<column>.
        if (r < 40) {
            fk.name =
                fmt::format("fk_rails_{:010x}", fnv1a(fmt::format("{}_{}_fk", t.name, fk.column)) & 0xFFFFFFFFFFULL);
            if (foreign_key_names.contains(fk.name)) {
                fk.name = fit(fmt::format("fk_{}_{}", t.name, fk.column));
            }
        } else if (r < 70) {
            fk.name = fit(fmt::format("fk_{}_{}", t.name, fk.column));
        } else {
            fk.hw_unnamed = true;
            fk.name = fmt::format("{}_ibfk_{}", t.name, ++unnamed_fks);
        }
        foreign_key_names.insert(fk.name);
    };
    const auto pick_update = [&] {
        const std::size_t r = rng.below(100);
        return r < 70 ? Action::none : r < 85 ? Action::cascade : r < 95 ? Action::restrict : Action::no_action;
    };
    const std::size_t fk_count = index == 0 ? 0 : rng.below(3);
    for (std::size_t k = 0; k < fk_count; ++k) {
        // Real schemas have hubs (users, accounts): a third of FKs go to the first tables.
        const std::size_t target = rng.percent(33) ? rng.below(std::min<std::size_t>(index, 20)) : rng.below(index);
        if (!targets.insert(target).second) {
            continue;
        }
        const Table& ref = earlier[target];
        Column c = reference_column(ref.columns.front(), fmt::format("{}_id", ref.stem));
        ForeignKey fk;
        fk.column = c.name;
        fk.target = target;
        fk.on_delete = static_cast<Action>(rng.below(5));
        fk.on_update = pick_update();
        c.not_null = fk.on_delete != Action::set_null && rng.percent(70);
        c.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
        name_fk(fk);
        t.columns.push_back(c);
        t.fks.push_back(fk);
    }
    if (index > 0 && rng.percent(5)) {
        Column c = reference_column(id, "parent_id");
        c.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
        ForeignKey fk;
        fk.column = c.name;
        fk.target = index;
        fk.on_delete = rng.percent(50) ? Action::cascade : Action::set_null;
        name_fk(fk);
        t.columns.push_back(c);
        t.fks.push_back(fk);
    }
}

// 5-15 columns from the templates, then the generated columns the table can have.
void plan_columns(Table& t, const TableContext& context, Rng& rng) {
    const std::size_t total = 5 + rng.below(11);
    std::vector<std::size_t> order(k_template_count);
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    rng.shuffle(order);
    for (std::size_t which : order) {
        if (t.columns.size() >= total) {
            break;
        }
        std::vector<Column> columns = template_columns(which, context, rng);
        if (columns.empty() || t.find(columns.front().name) != nullptr ||
            t.columns.size() + columns.size() > total + 1) {
            continue;
        }
        if (columns.front().name == "starts_at") {
            const bool unnamed = rng.percent(30);
            t.checks.push_back({fit(fmt::format("{}_period_check", t.name)), "`ends_at` > `starts_at`",
                                "ends_at > starts_at", unnamed});
            columns[0].pinned = true;
            columns[1].pinned = true;
        }
        for (auto& c : columns) {
            if (!c.check_dump.empty() && c.type != Type::json) {
                c.pinned = true;
            }
            t.columns.push_back(std::move(c));
        }
    }

    // Generated columns over what the table has (same character set, so no convert()).
    if (t.find("quantity") != nullptr && t.find("unit_price") != nullptr && rng.percent(50)) {
        Column c;
        c.name = "line_total";
        c.type = Type::decimal;
        c.length = 14;
        c.scale = 2;
        c.generated_dump = "`quantity` * `unit_price`";
        c.generated_hw = "quantity * unit_price";
        c.stored = rng.percent(50);
        c.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
        c.pinned = true;
        t.find("quantity")->pinned = true;
        t.find("unit_price")->pinned = true;
        t.columns.push_back(c);
    }
    if (const Column* email = t.find("email"); email != nullptr && email->charset_dump.empty() && rng.percent(30)) {
        Column c;
        c.name = "email_domain";
        c.type = Type::varchar;
        c.length = 255;
        c.generated_dump = "substring_index(`email`,'@',-1)";
        c.generated_hw = "substring_index(email, '@', -1)";
        c.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
        c.pinned = true;
        t.find("email")->pinned = true;
        t.columns.push_back(c);
    }
    if (t.find("deleted_at") != nullptr && rng.percent(25)) {
        Column c;
        c.name = "is_deleted";
        c.type = Type::boolean;
        c.generated_dump = "`deleted_at` is not null";
        c.generated_hw = "deleted_at is not null";
        c.stored = rng.percent(30);
        c.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
        c.pinned = true;
        t.find("deleted_at")->pinned = true;
        t.columns.push_back(c);
    }
    if (rng.percent(15)) {
        Column c;
        c.name = fmt::format("{}_upper", t.label);
        c.type = Type::varchar;
        c.length = t.find(t.label)->length;
        c.generated_dump = fmt::format("ucase(`{}`)", t.label);
        c.generated_hw = fmt::format("upper({})", t.label);
        c.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
        c.pinned = true;
        t.columns.push_back(c);
    }
}

void plan_keys(Table& t, Rng& rng) {
    // Unique keys: inline `unique` (named after the column) or named.
    const auto naming = static_cast<IndexNaming>(rng.below(3));
    for (std::string_view candidate : {"code", "email", "external_id", "key"}) {
        if (t.find(candidate) == nullptr || !rng.percent(60)) {
            continue;
        }
        const bool inline_unique = rng.percent(35);
        if (add_key(t, KeyKind::unique, {{std::string(candidate), 0, false}},
                    inline_unique ? IndexNaming::unnamed : (naming == IndexNaming::unnamed ? IndexNaming::idx : naming),
                    rng)) {
            t.keys.back().hw_inline = inline_unique;
        }
    }
    if (!t.fks.empty() && rng.percent(20)) {
        add_key(t, KeyKind::unique, {{t.fks.front().column, 0, false}, {t.label, 0, false}},
                naming == IndexNaming::unnamed ? IndexNaming::idx : naming, rng);
    }

    // Indexes: some FK columns get their own (Rails' add_reference), the others get the
    // one InnoDB creates; then 1-3 of the usual suspects.
    for (const auto& fk : t.fks) {
        if (rng.percent(35)) {
            add_key(t, KeyKind::index, {{fk.column, 0, false}},
                    naming == IndexNaming::unnamed ? IndexNaming::rails : naming, rng);
        }
    }
    std::vector<std::vector<KeyPart>> candidates;
    if (!t.fks.empty() && t.find("created_at") != nullptr) {
        candidates.push_back({{t.fks.back().column, 0, false}, {"created_at", 0, false}});
    }
    if (t.find("created_at") != nullptr) {
        if (t.find("status") != nullptr) {
            candidates.push_back({{"status", 0, false}, {"created_at", 0, false}});
        } else {
            candidates.push_back({{"created_at", 0, true}});
        }
    }
    if (t.find("deleted_at") != nullptr) {
        candidates.push_back({{"deleted_at", 0, false}});
    }
    candidates.push_back({{t.label, 20, false}});
    if (t.find("email_domain") != nullptr) {
        candidates.push_back({{"email_domain", 0, false}});
    }
    if (t.find("is_active") != nullptr && t.find("created_at") != nullptr) {
        candidates.push_back({{"is_active", 0, false}, {"created_at", 0, false}});
    }
    if (t.find("sort_order") != nullptr) {
        candidates.push_back({{"sort_order", 0, false}});
    }
    rng.shuffle(candidates);
    const std::size_t index_count = std::min<std::size_t>(candidates.size(), 1 + rng.below(3));
    for (std::size_t i = 0; i < index_count; ++i) {
        add_key(t, KeyKind::index, candidates[i], naming, rng);
    }
    if (rng.percent(15)) {
        std::vector<KeyPart> parts;
        if (t.find("description") != nullptr) {
            parts = rng.percent(40) ? std::vector<KeyPart>{{t.label, 0, false}, {"description", 0, false}}
                                    : std::vector<KeyPart>{{"description", 0, false}};
        } else if (t.find("summary") != nullptr) {
            parts = {{"summary", 0, false}};
        }
        if (!parts.empty()) {
            Key k;
            k.kind = KeyKind::fulltext;
            k.parts = parts;
            k.hw_unnamed = rng.percent(30) && !t.has_key_name(parts.front().column);
            k.name = k.hw_unnamed ? parts.front().column : fit(fmt::format("ft_{}_{}", t.name, parts.back().column));
            k.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
            for (const auto& p : parts) {
                t.find(p.column)->pinned = true;
            }
            t.keys.push_back(std::move(k));
        }
    }
    add_foreign_key_indexes(t);

    // Unnamed checks are CONSTRAINT_1, CONSTRAINT_2, … in declaration order.
    std::size_t unnamed_checks = 0;
    for (auto& k : t.checks) {
        if (k.hw_unnamed) {
            k.name = fmt::format("CONSTRAINT_{}", ++unnamed_checks);
        }
    }
}

// A join along a foreign key; a count per status.
void plan_views(Table& t, Rng& rng) {
    if (!t.fks.empty() && rng.percent(12)) {
        View v;
        v.name = fit(fmt::format("{}_overview", t.name));
        v.kind = ViewKind::join;
        v.fk = rng.below(t.fks.size());
        v.left_join = !t.find(t.fks[v.fk].column)->not_null;
        v.filter_deleted = t.find("deleted_at") != nullptr;
        v.own_columns = {"id", t.label};
        if (t.find("created_at") != nullptr) {
            v.own_columns.emplace_back("created_at");
        }
        v.merge_algorithm = rng.percent(20);
        v.invoker = rng.percent(20);
        if (v.filter_deleted) {
            t.find("deleted_at")->pinned = true;
        }
        t.views.push_back(std::move(v));
    }
    if (t.find("status") != nullptr && rng.percent(8)) {
        View v;
        v.name = fit(fmt::format("{}_status_counts", t.name));
        v.kind = ViewKind::counts;
        v.merge_algorithm = false;
        v.invoker = rng.percent(30);
        t.find("status")->pinned = true;
        t.views.push_back(std::move(v));
    }
    for (const auto& v : t.views) {
        for (const auto& c : v.own_columns) {
            t.find(c)->pinned = true;
        }
    }
}

void plan_triggers(Table& t, Rng& rng) {
    // Triggers, in SHOW TRIGGERS order: INSERT ones, then UPDATE ones, each in creation order.
    for (std::string_view candidate : {"quantity", "amount"}) {
        Column* c = t.find(candidate);
        if (c == nullptr || !rng.percent(8)) {
            continue;
        }
        c->pinned = true;
        const std::string message = fmt::format("{}.{} must not be negative", t.name, candidate);
        for (std::string_view event : {"INSERT", "UPDATE"}) {
            Trigger tr;
            tr.event = event;
            tr.name = fit(fmt::format("{}_{}_check_{}", t.name, event == "INSERT" ? "bi" : "bu", candidate));
            tr.compound = true;
            tr.dump = fmt::format(
                "TRIGGER `{}` BEFORE {} ON `{}` FOR EACH ROW\nBEGIN\n  IF NEW.`{}` < 0 THEN\n"
                "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = {};\n  END IF;\nEND",
                tr.name, event, t.name, candidate, quote(message));
            tr.hw = fmt::format(
                "create trigger {} before {} on {} for each row\nbegin\n    if new.{} < 0 then\n"
                "        signal sqlstate '45000' set message_text = {};\n    end if;\nend",
                tr.name, event == "INSERT" ? "insert" : "update", t.name, candidate, quote(message));
            t.triggers.push_back(std::move(tr));
        }
        break;
    }
    if (Column* version = t.find("version"); version != nullptr && rng.percent(40)) {
        version->pinned = true;
        Trigger tr;
        tr.event = "UPDATE";
        tr.name = fit(fmt::format("{}_bu_version", t.name));
        tr.dump = fmt::format("TRIGGER `{}` BEFORE UPDATE ON `{}` FOR EACH ROW SET NEW.`version` = OLD.`version` + 1",
                              tr.name, t.name);
        tr.hw = fmt::format("create trigger {} before update on {} for each row set new.version = old.version + 1",
                            tr.name, t.name);
        t.triggers.push_back(std::move(tr));
    }
    std::stable_sort(t.triggers.begin(), t.triggers.end(),
                     [](const Trigger& a, const Trigger& b) { return a.event < b.event; });
}

// A procedure counting rows per parent; a function summing or counting them.
void plan_routines(Table& t, Rng& rng) {
    if (!t.fks.empty() && rng.percent(4)) {
        const Column& c = *t.find(t.fks.front().column);
        Routine r;
        r.name = fit(fmt::format("{}_count_for", t.name));
        r.compound = true;
        r.dump = fmt::format(
            "CREATE DEFINER=`root`@`localhost` PROCEDURE `{}`(IN p_id {})\n    READS SQL DATA\n"
            "BEGIN\n  SELECT COUNT(*) AS total FROM `{}` WHERE `{}` = p_id;\nEND",
            r.name, param_type_dump(c), t.name, c.name);
        r.hw = fmt::format(
            "create procedure {}(in p_id {})\nreads sql data\nbegin\n    select count(*) as total from {} where {} = "
            "p_id;\nend",
            r.name, param_type_hw(c), t.name, c.name);
        t.routines.push_back(std::move(r));
    }
    if (!t.fks.empty() && rng.percent(3)) {
        const Column& c = *t.find(t.fks.back().column);
        const bool sum = t.find("amount") != nullptr;
        Routine r;
        r.name = fit(fmt::format("{}_total_for", t.name));
        r.function = true;
        const std::string comment = rng.percent(50) ? "" : fmt::format("Total per {}", c.name);
        r.dump = fmt::format(
            "CREATE DEFINER=`root`@`localhost` FUNCTION `{}`(p_id {}) RETURNS {}\n    READS SQL DATA\n{}"
            "RETURN (SELECT {} FROM `{}` WHERE `{}` = p_id)",
            r.name, param_type_dump(c), sum ? "decimal(14,2)" : "bigint(20)",
            comment.empty() ? "" : fmt::format("    COMMENT {}\n", quote(comment)),
            sum ? "COALESCE(SUM(`amount`), 0)" : "COUNT(*)", t.name, c.name);
        r.hw = fmt::format(
            "create function {}(p_id {}) returns {}\nreads sql data{}\nreturn (select {} from {} where {} = p_id)",
            r.name, param_type_hw(c), sum ? "decimal(14,2)" : "bigint",
            comment.empty() ? "" : fmt::format(" comment {}", quote(comment)),
            sum ? "coalesce(sum(amount), 0)" : "count(*)", t.name, c.name);
        if (sum) {
            t.find("amount")->pinned = true;
        }
        t.routines.push_back(std::move(r));
    }
}

Table plan_table(std::size_t index, std::uint64_t seed, const std::vector<Table>& earlier,
                 std::map<std::string, std::size_t>& name_uses, std::set<std::string>& foreign_key_names) {
    Rng rng(mix(seed ^ k_table_salt, index + 1));
    Table t;
    t.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
    const auto domain = k_domains[rng.below(k_domains.size())];
    const auto noun = k_nouns[rng.below(k_nouns.size())];
    const std::string base = fmt::format("{}_{}", domain, noun.plural);
    const std::size_t use = ++name_uses[base];
    t.name = use == 1 ? base : fmt::format("{}_{}", base, use);
    t.stem =
        use == 1 ? fmt::format("{}_{}", domain, noun.singular) : fmt::format("{}_{}_{}", domain, noun.singular, use);

    // Character set and collation (MariaDB 10.11: utf8 is utf8mb3, utf8mb4's default
    // collation is utf8mb4_general_ci).
    const std::size_t charset_pick = rng.below(100);
    const unsigned s = t.spelling;
    if (charset_pick < 85) {
        t.charset = "utf8mb4";
        t.collation = "utf8mb4_unicode_ci";
        static constexpr std::array<std::string_view, 4> k_spell = {
            "default charset=utf8mb4 collate=utf8mb4_unicode_ci",
            "default character set utf8mb4 collate utf8mb4_unicode_ci",
            "charset=utf8mb4 collate=utf8mb4_unicode_ci",
            "collate=utf8mb4_unicode_ci",
        };
        t.options_hw = std::string(k_spell[s % k_spell.size()]);
    } else if (charset_pick < 93) {
        t.charset = "utf8mb4";
        t.collation = "utf8mb4_general_ci";
        t.options_hw = (s & 1U) != 0 ? "default charset=utf8mb4" : "character set = utf8mb4";
    } else {
        t.charset = "utf8mb3";
        t.collation = "utf8mb3_general_ci";
        static constexpr std::array<std::string_view, 3> k_spell = {
            "default charset=utf8",
            "character set utf8 collate utf8_general_ci",
            "default charset=utf8mb3",
        };
        t.options_hw = std::string(k_spell[s % k_spell.size()]);
    }
    const TableContext context{t.charset == "utf8mb4", t.collation};

    Column id = id_column(rng);
    t.columns.push_back(id);
    Key primary;
    primary.kind = KeyKind::primary;
    primary.name = "PRIMARY";
    primary.parts = {{"id", 0, false}};
    primary.hw_inline = rng.percent(60);
    t.keys.push_back(primary);

    constexpr std::array<std::string_view, 3> k_labels = {"name", "title", "label"};
    constexpr std::array<int, 3> k_label_lengths = {191, 255, 100};
    const std::size_t label_pick = rng.below(k_labels.size());
    t.label = std::string(k_labels[label_pick]);
    Column label;
    label.name = t.label;
    label.type = Type::varchar;
    label.length = k_label_lengths[label_pick];
    label.not_null = true;
    label.pinned = true;
    label.spelling = static_cast<unsigned>(rng.next() & 0xFFFFU);
    t.columns.push_back(label);
    if (rng.percent(25)) {
        t.checks.push_back({fit(fmt::format("{}_{}_not_blank", t.name, t.label)), fmt::format("`{}` <> ''", t.label),
                            fmt::format("{} <> ''", t.label), rng.percent(30)});
    }

    plan_foreign_keys(t, index, earlier, id, foreign_key_names, rng);
    plan_columns(t, context, rng);
    plan_keys(t, rng);

    if (rng.percent(45)) {
        t.auto_increment = 2 + rng.below(2'000'000);
    }
    t.row_format_dynamic = rng.percent(8);
    t.hw_engine = rng.percent(70);
    if (rng.percent(60)) {
        static constexpr std::array<std::string_view, 4> k_comments = {
            "One row per {} {}.",
            "{} {}, as imported from the legacy system.",
            "Each {} {}'s current state; history lives in the audit tables.",
            "Holds {} {} data. Do not edit by hand.",
        };
        const std::size_t pick = rng.below(k_comments.size());
        t.comment = fmt::format(fmt::runtime(k_comments[pick]), domain, pick == 1 ? noun.plural : noun.singular);
    }

    plan_views(t, rng);
    plan_triggers(t, rng);
    plan_routines(t, rng);
    return t;
}

// The extra column and index that make a variant differ from the base. The handwritten
// file adds the index with CREATE INDEX after the table, so it follows every other key.
void apply_variant(Table& t, std::uint64_t variant) {
    Column c;
    c.name = fmt::format("note_v{}", variant);
    c.type = Type::varchar;
    c.length = 255;
    c.pinned = true;
    t.columns.push_back(c);
    Key k;
    k.kind = KeyKind::index;
    k.name = fit(fmt::format("idx_{}_note_v{}", t.name, variant));
    k.parts = {{c.name, 0, false}};
    k.after_table = true;
    t.keys.push_back(std::move(k));
}

// "Many changes": a column widened, a column dropped, an index redefined.
void apply_churn(Table& t, Rng& rng) {
    std::vector<std::size_t> widen;
    std::vector<std::size_t> drop;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const Column& c = t.columns[i];
        if (c.pinned) {
            continue;
        }
        const bool widenable = (c.type == Type::varchar && c.length <= 255) || c.type == Type::int_ ||
                               c.type == Type::smallint || c.type == Type::decimal;
        if (widenable) {
            widen.push_back(i);
        }
        if (!c.not_null) {
            drop.push_back(i);
        }
    }
    std::size_t dropped = t.columns.size();
    if (!drop.empty()) {
        dropped = drop[rng.below(drop.size())];
    }
    widen.erase(std::remove(widen.begin(), widen.end(), dropped), widen.end());
    if (!widen.empty()) {
        Column& c = t.columns[widen[rng.below(widen.size())]];
        switch (c.type) {
            case Type::varchar: c.length *= 2; break;
            case Type::smallint: c.type = Type::int_; break;
            case Type::int_: c.type = Type::bigint; break;
            case Type::decimal: c.length += 4; break;
            default: break;
        }
    }
    if (dropped < t.columns.size()) {
        t.columns.erase(t.columns.begin() + static_cast<std::ptrdiff_t>(dropped));
    }
    for (auto& k : t.keys) {
        if (k.kind != KeyKind::index || k.fk_generated || k.after_table) {
            continue;
        }
        std::vector<KeyPart> parts = k.parts;
        if (parts.front().prefix > 0) {
            parts.front().prefix += 12;
        } else if (parts.back().column != "id") {
            parts.push_back({"id", 0, false});
        } else {
            continue;
        }
        if (t.has_key_columns(parts)) {
            continue;
        }
        k.parts = std::move(parts);
        break;
    }
}

// Rails migration versions: YYYYMMDDHHMMSS, one per table, ascending.
std::string migration_version(std::uint64_t seconds_since_2012) {
    // Days from 2012-01-01 to a civil date (Howard Hinnant's algorithm, from 1970-01-01).
    const std::int64_t days = static_cast<std::int64_t>(seconds_since_2012 / 86400) + 15340;
    const std::uint64_t rest = seconds_since_2012 % 86400;
    const std::int64_t z = days + 719468;
    const std::int64_t era = z / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return fmt::format("{:04}{:02}{:02}{:02}{:02}{:02}", year, month, day, rest / 3600, (rest / 60) % 60, rest % 60);
}

Plan plan_schema(const GeneratorOptions& options) {
    Plan plan;
    plan.tables.reserve(options.tables);
    std::map<std::string, std::size_t> name_uses;
    std::set<std::string> foreign_key_names;
    for (std::size_t i = 0; i < options.tables; ++i) {
        plan.tables.push_back(plan_table(i, options.seed, plan.tables, name_uses, foreign_key_names));
    }
    if (options.variant != 0 && options.tables > 0) {
        if (options.churn_percent > 0) {
            for (std::size_t i = 0; i < options.tables; ++i) {
                Rng rng(mix(mix(options.seed ^ k_churn_salt, options.variant), i + 1));
                if (rng.percent(options.churn_percent)) {
                    apply_churn(plan.tables[i], rng);
                }
            }
        }
        Rng rng(mix(options.seed ^ k_variant_salt, options.variant));
        std::set<std::size_t> changed;
        const std::size_t wanted = std::min(options.changed_tables, options.tables);
        while (changed.size() < wanted) {
            changed.insert(rng.below(options.tables));
        }
        for (std::size_t i : changed) {
            apply_variant(plan.tables[i], options.variant);
        }
    }
    plan.schema_migrations = options.schema_migrations;
    if (options.schema_migrations) {
        for (std::size_t i = 0; i < options.tables; ++i) {
            Rng rng(mix(options.seed ^ k_table_salt ^ 0x6D6967ULL, i + 1));
            plan.migrations.push_back(migration_version(i * 43200 + 3600 + rng.below(36000)));
        }
        if (options.variant != 0) {
            plan.migrations.push_back(migration_version(options.tables * 43200 + 3600 + options.variant * 60));
        }
    }
    return plan;
}

// ---------------------------------------------------------------------------
// Canonical order (what SHOW CREATE TABLE prints)

bool nullable(const Table& t, const Key& k) {
    return std::any_of(k.parts.begin(), k.parts.end(), [&](const KeyPart& p) {
        const Column* c = t.find(p.column);
        return c != nullptr && !c->not_null;
    });
}

// The order the handwritten CREATE TABLE declares keys in: keys written on a column
// (`primary key`, `unique`) as its column is parsed, then the table's key clauses, then
// the indexes InnoDB makes at the FOREIGN KEY clauses, then CREATE INDEX after the table.
std::vector<const Key*> declared_keys(const Table& t) {
    std::vector<const Key*> out;
    for (const auto& c : t.columns) {
        for (const auto& k : t.keys) {
            if (k.hw_inline && k.parts.front().column == c.name) {
                out.push_back(&k);
            }
        }
    }
    for (const auto& k : t.keys) {
        if (!k.hw_inline) {
            out.push_back(&k);
        }
    }
    return out;
}

// MariaDB's sort_keys(): primary and unique keys first (NOT NULL ones before nullable
// ones, the primary key first, keys without prefix parts before those with), then
// ordinary keys, then FULLTEXT; otherwise in declaration order.
std::vector<const Key*> canonical_keys(const Table& t) {
    struct Ranked {
        std::array<int, 4> rank;
        const Key* key;
    };
    std::vector<Ranked> ranked;
    for (const Key* key : declared_keys(t)) {
        const Key& k = *key;
        std::array<int, 4> rank{};
        if (k.kind == KeyKind::primary || k.kind == KeyKind::unique) {
            const bool partial =
                std::any_of(k.parts.begin(), k.parts.end(), [](const KeyPart& p) { return p.prefix > 0; });
            rank = {0, nullable(t, k) ? 1 : 0, k.kind == KeyKind::primary ? 0 : 1, partial ? 1 : 0};
        } else {
            rank = {k.kind == KeyKind::fulltext ? 2 : 1, 0, 0, 0};
        }
        ranked.push_back({rank, &k});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });
    std::vector<const Key*> out;
    for (const auto& r : ranked) {
        out.push_back(r.key);
    }
    return out;
}

// mysql.proc compares names with utf8mb3_general_ci: ASCII case folded, '_' after letters.
bool routine_less(const std::string& a, const std::string& b) {
    const auto fold = [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; };
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [&](char x, char y) {
        return static_cast<unsigned char>(fold(x)) < static_cast<unsigned char>(fold(y));
    });
}

// ---------------------------------------------------------------------------
// mysqldump style

constexpr std::string_view k_sql_mode =
    "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION";

class DumpWriter {
  public:
    explicit DumpWriter(const Plan& plan) : plan(plan) {}

    std::string write() {
        out.reserve(plan.tables.size() * 3072);
        out +=
            "/*M!999999\\- enable the sandbox mode */ \n"
            "-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)\n"
            "--\n"
            "-- Host: localhost    Database: app\n"
            "-- ------------------------------------------------------\n"
            "-- Server version\t10.11.19-MariaDB-0+deb12u1\n"
            "\n"
            "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
            "/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;\n"
            "/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;\n"
            "/*!40101 SET NAMES utf8mb4 */;\n"
            "/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n"
            "/*!40103 SET TIME_ZONE='+00:00' */;\n"
            "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n"
            "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n"
            "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n"
            "/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;\n";

        // mysqldump walks SHOW TABLES: tables and views together, by name (byte order).
        struct Object {
            std::string_view name;
            const Table* table;  // nullptr: schema_migrations
            const View* view;
        };
        std::vector<Object> objects;
        if (plan.schema_migrations) {
            objects.push_back({"schema_migrations", nullptr, nullptr});
        }
        std::vector<const View*> views;
        std::vector<std::pair<const Routine*, const Table*>> functions;
        std::vector<std::pair<const Routine*, const Table*>> procedures;
        for (const auto& t : plan.tables) {
            objects.push_back({t.name, &t, nullptr});
            for (const auto& v : t.views) {
                objects.push_back({v.name, &t, &v});
            }
            for (const auto& r : t.routines) {
                (r.function ? functions : procedures).emplace_back(&r, &t);
            }
        }
        std::sort(objects.begin(), objects.end(), [](const Object& a, const Object& b) { return a.name < b.name; });
        for (const auto& o : objects) {
            if (o.view != nullptr) {
                write_view_placeholder(*o.table, *o.view);
                views.push_back(o.view);
                view_tables.push_back(o.table);
            } else if (o.table != nullptr) {
                write_table(*o.table);
            } else {
                write_schema_migrations();
            }
        }

        out += "\n--\n-- Dumping routines for database 'app'\n--\n";
        const auto by_name = [](const auto& a, const auto& b) { return routine_less(a.first->name, b.first->name); };
        std::sort(functions.begin(), functions.end(), by_name);
        std::sort(procedures.begin(), procedures.end(), by_name);
        for (const auto& [r, t] : functions) {
            write_routine(*r);
        }
        for (const auto& [r, t] : procedures) {
            write_routine(*r);
        }
        for (std::size_t i = 0; i < views.size(); ++i) {
            write_view(*view_tables[i], *views[i]);
        }

        out +=
            "/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n"
            "\n"
            "/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;\n"
            "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n"
            "/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;\n"
            "/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;\n"
            "/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;\n"
            "/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;\n"
            "/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;\n"
            "\n"
            "-- Dump completed on 2024-06-03 14:27:05\n";
        if (plan.schema_migrations) {
            // Rails appends the versions to mysqldump's output.
            out += "INSERT INTO `schema_migrations` (version) VALUES\n";
            for (std::size_t i = 0; i < plan.migrations.size(); ++i) {
                out += fmt::format("('{}'){}\n", plan.migrations[i], i + 1 < plan.migrations.size() ? "," : ";");
            }
            out += "\n";
        }
        return std::move(out);
    }

  private:
    const Plan& plan;
    std::string out;
    std::vector<const Table*> view_tables;

    void table_header(std::string_view name) {
        out += fmt::format(
            "\n--\n-- Table structure for table `{0}`\n--\n\nDROP TABLE IF EXISTS `{0}`;\n"
            "/*!40101 SET @saved_cs_client     = @@character_set_client */;\n"
            "/*!40101 SET character_set_client = utf8mb4 */;\n",
            name);
    }

    void table_footer() { out += "/*!40101 SET character_set_client = @saved_cs_client */;\n"; }

    void write_schema_migrations() {
        table_header("schema_migrations");
        out +=
            "CREATE TABLE `schema_migrations` (\n  `version` varchar(255) NOT NULL,\n  PRIMARY KEY (`version`)\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n";
        table_footer();
    }

    static std::string column_line(const Column& c) {
        std::string line = fmt::format("  `{}` {}", c.name, dump_type(c));
        if (!c.charset_dump.empty()) {
            line += " " + c.charset_dump;
        }
        if (!c.generated_dump.empty()) {
            line += fmt::format(" GENERATED ALWAYS AS ({}) {}", c.generated_dump, c.stored ? "STORED" : "VIRTUAL");
        } else {
            if (c.not_null) {
                line += " NOT NULL";
            } else if (c.type == Type::timestamp) {
                line += " NULL";
            }
            if (!c.default_dump.empty()) {
                line += " DEFAULT " + c.default_dump;
            } else if (!c.not_null) {
                line += " DEFAULT NULL";
            }
            if (!c.on_update_dump.empty()) {
                line += " ON UPDATE " + c.on_update_dump;
            }
        }
        if (c.auto_increment) {
            line += " AUTO_INCREMENT";
        }
        if (!c.comment.empty()) {
            line += " COMMENT " + quote(c.comment);
        }
        if (!c.check_dump.empty()) {
            line += fmt::format(" CHECK ({})", c.check_dump);
        }
        return line;
    }

    static std::string key_parts(const Key& k) {
        std::vector<std::string> parts;
        for (const auto& p : k.parts) {
            std::string part = bq(p.column);
            if (p.prefix > 0) {
                part += fmt::format("({})", p.prefix);
            }
            if (p.desc) {
                part += " DESC";
            }
            parts.push_back(std::move(part));
        }
        return join(parts, ",");
    }

    void write_table(const Table& t) {
        table_header(t.name);
        out += fmt::format("CREATE TABLE `{}` (\n", t.name);
        std::vector<std::string> lines;
        for (const auto& c : t.columns) {
            lines.push_back(column_line(c));
        }
        for (const Key* k : canonical_keys(t)) {
            switch (k->kind) {
                case KeyKind::primary: lines.push_back(fmt::format("  PRIMARY KEY ({})", key_parts(*k))); break;
                case KeyKind::unique:
                    lines.push_back(fmt::format("  UNIQUE KEY `{}` ({})", k->name, key_parts(*k)));
                    break;
                case KeyKind::index:
                    lines.push_back(
                        fmt::format("  KEY `{}` ({}){}", k->name, key_parts(*k), k->using_btree ? " USING BTREE" : ""));
                    break;
                case KeyKind::fulltext:
                    lines.push_back(fmt::format("  FULLTEXT KEY `{}` ({})", k->name, key_parts(*k)));
                    break;
            }
        }
        // InnoDB lists foreign keys by name.
        std::vector<const ForeignKey*> fks;
        for (const auto& fk : t.fks) {
            fks.push_back(&fk);
        }
        std::sort(fks.begin(), fks.end(), [](const ForeignKey* a, const ForeignKey* b) { return a->name < b->name; });
        for (const ForeignKey* fk : fks) {
            const Table& ref = plan.tables[fk->target];
            lines.push_back(fmt::format("  CONSTRAINT `{}` FOREIGN KEY (`{}`) REFERENCES `{}` (`id`){}{}", fk->name,
                                        fk->column, ref.name, action_dump("DELETE", fk->on_delete),
                                        action_dump("UPDATE", fk->on_update)));
        }
        for (const auto& k : t.checks) {
            lines.push_back(fmt::format("  CONSTRAINT `{}` CHECK ({})", k.name, k.dump));
        }
        out += join(lines, ",\n");
        out += "\n) ENGINE=InnoDB";
        if (t.auto_increment > 0) {
            out += fmt::format(" AUTO_INCREMENT={}", t.auto_increment);
        }
        out += fmt::format(" DEFAULT CHARSET={} COLLATE={}", t.charset, t.collation);
        if (t.row_format_dynamic) {
            out += " ROW_FORMAT=DYNAMIC";
        }
        if (!t.comment.empty()) {
            out += " COMMENT=" + quote(t.comment);
        }
        out += ";\n";
        table_footer();
        for (const auto& tr : t.triggers) {
            write_trigger(tr);
        }
    }

    void session_block_open() {
        out +=
            "/*!50003 SET @saved_cs_client      = @@character_set_client */ ;\n"
            "/*!50003 SET @saved_cs_results     = @@character_set_results */ ;\n"
            "/*!50003 SET @saved_col_connection = @@collation_connection */ ;\n"
            "/*!50003 SET character_set_client  = utf8mb3 */ ;\n"
            "/*!50003 SET character_set_results = utf8mb3 */ ;\n"
            "/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;\n";
    }

    void session_block_close() {
        out +=
            "/*!50003 SET sql_mode              = @saved_sql_mode */ ;\n"
            "/*!50003 SET character_set_client  = @saved_cs_client */ ;\n"
            "/*!50003 SET character_set_results = @saved_cs_results */ ;\n"
            "/*!50003 SET collation_connection  = @saved_col_connection */ ;\n";
    }

    void sql_mode_block() {
        out += fmt::format(
            "/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;\n"
            "/*!50003 SET sql_mode              = '{}' */ ;\n",
            k_sql_mode);
    }

    void write_trigger(const Trigger& tr) {
        session_block_open();
        sql_mode_block();
        out += fmt::format(
            "DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 {} \n*/;;\nDELIMITER ;\n",
            tr.dump);
        session_block_close();
    }

    void write_routine(const Routine& r) {
        sql_mode_block();
        out += fmt::format("/*!50003 DROP {} IF EXISTS `{}` */;\n", r.function ? "FUNCTION" : "PROCEDURE", r.name);
        session_block_open();
        out += fmt::format("DELIMITER ;;\n{}\n;;\nDELIMITER ;\n", r.dump);
        session_block_close();
    }

    static std::vector<std::string> view_columns(const Table& ref, const View& v) {
        if (v.kind == ViewKind::counts) {
            return {"status", "total"};
        }
        std::vector<std::string> columns = v.own_columns;
        columns.push_back(fmt::format("{}_{}", ref.stem, ref.label));
        return columns;
    }

    // parent_id's target is the table itself, which plan.tables holds at that index.
    const Table& referenced(const Table& t, const View& v) const {
        return v.kind == ViewKind::join ? plan.tables[t.fks[v.fk].target] : t;
    }

    void write_view_placeholder(const Table& t, const View& v) {
        out += fmt::format(
            "\n--\n-- Temporary table structure for view `{0}`\n--\n\nDROP TABLE IF EXISTS `{0}`;\n"
            "/*!50001 DROP VIEW IF EXISTS `{0}`*/;\n"
            "SET @saved_cs_client     = @@character_set_client;\n"
            "SET character_set_client = utf8mb4;\n"
            "/*!50001 CREATE VIEW `{0}` AS SELECT\n",
            v.name);
        std::vector<std::string> columns;
        for (const auto& c : view_columns(referenced(t, v), v)) {
            columns.push_back(fmt::format(" NULL AS `{}`", c));
        }
        out += join(columns, ",\n");
        out += " */;\nSET character_set_client = @saved_cs_client;\n";
    }

    // The view text as MariaDB keeps it: every name qualified and quoted, `AS` on every
    // column, joins parenthesized, count(*) as count(0).
    std::string view_body(const Table& t, const View& v) const {
        if (v.kind == ViewKind::counts) {
            return fmt::format(
                "select `{0}`.`status` AS `status`,count(0) AS `total` from `{0}` group by `{0}`.`status`", t.name);
        }
        const Table& ref = referenced(t, v);
        const ForeignKey& fk = t.fks[v.fk];
        std::vector<std::string> columns;
        for (const auto& c : v.own_columns) {
            columns.push_back(fmt::format("`a`.`{0}` AS `{0}`", c));
        }
        columns.push_back(fmt::format("`b`.`{}` AS `{}_{}`", ref.label, ref.stem, ref.label));
        std::string body =
            fmt::format("select {} from (`{}` `a` {} `{}` `b` on(`b`.`id` = `a`.`{}`))", join(columns, ","), t.name,
                        v.left_join ? "left join" : "join", ref.name, fk.column);
        if (v.filter_deleted) {
            body += " where `a`.`deleted_at` is null";
        }
        return body;
    }

    void write_view(const Table& t, const View& v) {
        out += fmt::format(
            "\n--\n-- Final view structure for view `{0}`\n--\n\n"
            "/*!50001 DROP VIEW IF EXISTS `{0}`*/;\n"
            "/*!50001 SET @saved_cs_client          = @@character_set_client */;\n"
            "/*!50001 SET @saved_cs_results         = @@character_set_results */;\n"
            "/*!50001 SET @saved_col_connection     = @@collation_connection */;\n"
            "/*!50001 SET character_set_client      = utf8mb3 */;\n"
            "/*!50001 SET character_set_results     = utf8mb3 */;\n"
            "/*!50001 SET collation_connection      = utf8mb3_general_ci */;\n"
            "/*!50001 CREATE ALGORITHM={1} */\n"
            "/*!50013 DEFINER=`root`@`localhost` SQL SECURITY {2} */\n"
            "/*!50001 VIEW `{0}` AS {3} */;\n"
            "/*!50001 SET character_set_client      = @saved_cs_client */;\n"
            "/*!50001 SET character_set_results     = @saved_cs_results */;\n"
            "/*!50001 SET collation_connection      = @saved_col_connection */;\n",
            v.name, v.merge_algorithm ? "MERGE" : "UNDEFINED", v.invoker ? "INVOKER" : "DEFINER", view_body(t, v));
    }
};

// ---------------------------------------------------------------------------
// handwritten style

class HandwrittenWriter {
  public:
    explicit HandwrittenWriter(const Plan& plan) : plan(plan) {}

    std::string write() {
        out.reserve(plan.tables.size() * 2048);
        out += "-- Application schema (generated by schemerge-gen).\n\n";
        if (plan.schema_migrations) {
            out +=
                "create table schema_migrations (\n    version varchar(255) not null primary key\n) engine=innodb "
                "default charset=utf8mb4 collate=utf8mb4_unicode_ci;\n\n";
        }
        for (std::size_t i = 0; i < plan.tables.size(); ++i) {
            write_table(plan.tables[i], i);
        }
        if (plan.schema_migrations) {
            std::vector<std::string> rows;
            for (const auto& v : plan.migrations) {
                rows.push_back(fmt::format("('{}')", v));
            }
            out += fmt::format("insert into schema_migrations (version) values\n{};\n", join(rows, ",\n"));
        }
        return std::move(out);
    }

  private:
    const Plan& plan;
    std::string out;

    static std::string column_line(const Table& t, const Column& c) {
        std::string line = fmt::format("    {} {}", hw_name(c.name), hw_type(c));
        if (!c.charset_hw.empty()) {
            line += " " + c.charset_hw;
        }
        if (!c.generated_hw.empty()) {
            line += fmt::format(" {}as ({}) {}", (c.spelling & 8U) != 0 ? "generated always " : "", c.generated_hw,
                                c.stored ? "stored" : "virtual");
        } else {
            if (c.not_null) {
                line += " not null";
            } else if ((c.spelling & 16U) != 0) {
                line += " null";
            }
            if (!c.default_hw.empty()) {
                line += " default " + c.default_hw;
            } else if (!c.not_null && (c.spelling & 32U) != 0 && c.type != Type::timestamp) {
                line += " default null";
            }
            if (!c.on_update_hw.empty()) {
                line += " on update " + c.on_update_hw;
            }
        }
        if (c.auto_increment) {
            line += " auto_increment";
        }
        for (const auto& k : t.keys) {
            if (k.hw_inline && k.parts.size() == 1 && k.parts.front().column == c.name) {
                line += k.kind == KeyKind::primary ? " primary key" : " unique";
            }
        }
        if (!c.comment.empty()) {
            line += " comment " + quote(c.comment);
        }
        if (!c.check_hw.empty()) {
            line += fmt::format(" check ({})", c.check_hw);
        }
        return line;
    }

    static std::string key_parts(const Key& k) {
        std::vector<std::string> parts;
        for (const auto& p : k.parts) {
            std::string part = hw_name(p.column);
            if (p.prefix > 0) {
                part += fmt::format("({})", p.prefix);
            }
            if (p.desc) {
                part += " desc";
            }
            parts.push_back(std::move(part));
        }
        return join(parts, ", ");
    }

    static std::string key_line(const Key& k) {
        const std::string name = k.hw_unnamed ? "" : " " + k.name;
        const std::string using_btree = k.using_btree ? " using btree" : "";
        switch (k.kind) {
            case KeyKind::primary: return fmt::format("    primary key ({})", key_parts(k));
            case KeyKind::unique:
                return fmt::format("    unique{}{} ({})", (k.spelling & 1U) != 0 ? " key" : " index", name,
                                   key_parts(k));
            case KeyKind::index:
                return fmt::format("    {}{} ({}){}", (k.spelling & 1U) != 0 ? "key" : "index", name, key_parts(k),
                                   using_btree);
            case KeyKind::fulltext:
                return fmt::format("    fulltext{}{} ({})", (k.spelling & 1U) != 0 ? " index" : "", name, key_parts(k));
        }
        return "";
    }

    void write_table(const Table& t, std::size_t index) {
        out += fmt::format("create table {} (\n", t.name);
        std::vector<std::string> lines;
        for (const auto& c : t.columns) {
            lines.push_back(column_line(t, c));
        }
        // Keys in declaration order (the server sorts them); the ones InnoDB makes for
        // foreign keys and the ones added after the table are not written here.
        for (const auto& k : t.keys) {
            if (!k.hw_inline && !k.fk_generated && !k.after_table) {
                lines.push_back(key_line(k));
            }
        }
        for (const auto& k : t.checks) {
            lines.push_back(k.hw_unnamed ? fmt::format("    check ({})", k.hw)
                                         : fmt::format("    constraint {} check ({})", k.name, k.hw));
        }
        for (const auto& fk : t.fks) {
            const Table& ref = fk.target == index ? t : plan.tables[fk.target];
            lines.push_back(fmt::format("    {}foreign key ({}) references {} (id){}{}",
                                        fk.hw_unnamed ? "" : fmt::format("constraint {} ", fk.name), fk.column,
                                        ref.name, action_hw("delete", fk.on_delete),
                                        action_hw("update", fk.on_update)));
        }
        out += join(lines, ",\n");
        out += "\n)";
        std::vector<std::string> options;
        if (t.hw_engine) {
            options.emplace_back((t.spelling & 2U) != 0 ? "engine=innodb" : "engine = InnoDB");
        }
        options.push_back(t.options_hw);
        if (t.auto_increment > 0) {
            options.push_back(fmt::format("auto_increment={}", t.auto_increment));
        }
        if (t.row_format_dynamic) {
            options.emplace_back("row_format=dynamic");
        }
        if (!t.comment.empty()) {
            options.push_back("comment=" + quote(t.comment));
        }
        out += " " + join(options, " ") + ";\n";
        for (const auto& k : t.keys) {
            if (k.after_table) {
                out += fmt::format("create index {} on {} ({});\n", k.name, t.name, key_parts(k));
            }
        }
        for (const auto& tr : t.triggers) {
            if (tr.compound) {
                out += fmt::format("delimiter //\n{}//\ndelimiter ;\n", tr.hw);
            } else {
                out += tr.hw + ";\n";
            }
        }
        for (const auto& r : t.routines) {
            if (r.compound) {
                out += fmt::format("delimiter $$\n{}$$\ndelimiter ;\n", r.hw);
            } else {
                out += r.hw + ";\n";
            }
        }
        for (const auto& v : t.views) {
            write_view(t, index, v);
        }
        out += "\n";
    }

    void write_view(const Table& t, std::size_t index, const View& v) {
        std::string head = "create";
        if (v.merge_algorithm) {
            head += " algorithm=merge";
        }
        if (v.invoker) {
            head += " sql security invoker";
        }
        if (v.kind == ViewKind::counts) {
            out += fmt::format("{} view {} as\nselect status, count(*) as total\nfrom {}\ngroup by status;\n", head,
                               v.name, t.name);
            return;
        }
        const ForeignKey& fk = t.fks[v.fk];
        const Table& ref = fk.target == index ? t : plan.tables[fk.target];
        std::vector<std::string> columns;
        for (const auto& c : v.own_columns) {
            columns.push_back("a." + c);
        }
        columns.push_back(fmt::format("b.{} as {}_{}", ref.label, ref.stem, ref.label));
        out += fmt::format("{} view {} as\nselect {}\nfrom {} a\n{} {} b on b.id = a.{}", head, v.name,
                           join(columns, ", "), t.name, v.left_join ? "left join" : "join", ref.name, fk.column);
        if (v.filter_deleted) {
            out += "\nwhere a.deleted_at is null";
        }
        out += ";\n";
    }
};

}  // namespace

std::string generate_schema(const GeneratorOptions& options) {
    const Plan plan = plan_schema(options);
    if (options.style == SchemaStyle::handwritten) {
        return HandwrittenWriter(plan).write();
    }
    return DumpWriter(plan).write();
}

}  // namespace schemerge::benchmarks::mysql
