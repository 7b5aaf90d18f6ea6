#include "benchmarks/schema_generator.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace schemerge::benchmarks {

namespace {

// splitmix64: tiny, fast and fully specified, so a seed gives the same schema on
// every standard library (std::uniform_int_distribution is implementation-defined).
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

// ---------------------------------------------------------------------------
// Vocabulary

constexpr std::array<std::string_view, 5> k_schemas = {"public", "app", "billing", "audit", "inventory"};

struct EnumPlan {
    std::string_view schema;
    std::string_view name;
    std::vector<std::string_view> values;
};

const std::vector<EnumPlan>& enum_types() {
    static const std::vector<EnumPlan> k_enums = {
        {"public", "order_status", {"pending", "active", "suspended", "closed"}},
        {"public", "priority_level", {"low", "normal", "high", "urgent"}},
        {"app", "visibility", {"private", "internal", "public"}},
        {"billing", "payment_method", {"card", "bank_transfer", "invoice", "voucher"}},
        {"audit", "severity", {"debug", "info", "warning", "error", "critical"}},
    };
    return k_enums;
}

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

enum class Kind : unsigned char {
    integer,
    bigint,
    text,
    varchar,
    numeric,
    boolean,
    timestamp,
    jsonb,
    uuid,
    enumeration,
    text_array,
    integer_array,
};

enum class Default : unsigned char {
    none,
    zero,
    one,
    empty_string,
    literal,
    bool_true,
    bool_false,
    now,
    empty_json,
    random_uuid,
    empty_array,
    enum_first,
};

enum class CheckForm : unsigned char { none, non_negative, positive, not_empty, min_length, period };

struct ColumnTemplate {
    std::string_view name;
    Kind kind;
    int length;      // varchar(n)
    int enum_index;  // into enum_types()
    bool not_null;
    Default value;
    std::string_view literal;
    CheckForm check;
    bool unique_candidate;
    std::string_view comment;
};

// "period" stands for the starts_at/ends_at pair with a two-column CHECK.
constexpr std::array<ColumnTemplate, 27> k_templates = {{
    {"code", Kind::varchar, 32, -1, true, Default::none, "", CheckForm::min_length, true,
     "Short business key shown in the UI."},
    {"email", Kind::varchar, 255, -1, true, Default::none, "", CheckForm::none, true,
     "Where notifications go; one per row."},
    {"description", Kind::text, 0, -1, false, Default::none, "", CheckForm::none, false, ""},
    {"notes", Kind::text, 0, -1, false, Default::empty_string, "", CheckForm::none, false,
     "Free text, not shown to customers."},
    {"quantity", Kind::integer, 0, -1, true, Default::zero, "", CheckForm::non_negative, false, ""},
    {"amount", Kind::numeric, 0, -1, true, Default::zero, "", CheckForm::non_negative, false,
     "Gross amount in the account's currency."},
    {"unit_price", Kind::numeric, 0, -1, false, Default::none, "", CheckForm::non_negative, false, ""},
    {"is_active", Kind::boolean, 0, -1, true, Default::bool_true, "", CheckForm::none, false, ""},
    {"is_archived", Kind::boolean, 0, -1, false, Default::bool_false, "", CheckForm::none, false, ""},
    {"created_at", Kind::timestamp, 0, -1, true, Default::now, "", CheckForm::none, false, ""},
    {"updated_at", Kind::timestamp, 0, -1, true, Default::now, "", CheckForm::none, false, "Maintained by a trigger."},
    {"deleted_at", Kind::timestamp, 0, -1, false, Default::none, "", CheckForm::none, false,
     "Soft delete marker; NULL while the row is live."},
    {"metadata", Kind::jsonb, 0, -1, true, Default::empty_json, "", CheckForm::none, false, ""},
    {"settings", Kind::jsonb, 0, -1, false, Default::none, "", CheckForm::none, false, ""},
    {"external_id", Kind::uuid, 0, -1, true, Default::random_uuid, "", CheckForm::none, true,
     "Stable id exposed by the public API."},
    {"tags", Kind::text_array, 0, -1, true, Default::empty_array, "", CheckForm::none, false, ""},
    {"scores", Kind::integer_array, 0, -1, false, Default::none, "", CheckForm::none, false, ""},
    {"status", Kind::enumeration, 0, 0, true, Default::enum_first, "", CheckForm::none, false, ""},
    {"priority", Kind::enumeration, 0, 1, true, Default::enum_first, "", CheckForm::none, false, ""},
    {"visibility", Kind::enumeration, 0, 2, false, Default::enum_first, "", CheckForm::none, false, ""},
    {"payment_method", Kind::enumeration, 0, 3, false, Default::none, "", CheckForm::none, false, ""},
    {"severity", Kind::enumeration, 0, 4, true, Default::enum_first, "", CheckForm::none, false, ""},
    {"sort_order", Kind::integer, 0, -1, false, Default::none, "", CheckForm::positive, false, ""},
    {"version", Kind::bigint, 0, -1, true, Default::one, "", CheckForm::positive, false, "Optimistic locking counter."},
    {"locale", Kind::varchar, 10, -1, true, Default::literal, "en", CheckForm::none, false, ""},
    {"total_count", Kind::bigint, 0, -1, true, Default::zero, "", CheckForm::non_negative, false, ""},
    {"period", Kind::timestamp, 0, -1, true, Default::now, "", CheckForm::period, false, ""},
}};

// ---------------------------------------------------------------------------
// The plan: one schema described once, rendered in either style.

struct ColumnPlan {
    std::string name;
    Kind kind = Kind::text;
    int length = 0;
    int enum_index = -1;
    bool not_null = false;
    Default value = Default::none;
    std::string literal;
    std::string comment;
    bool alias_spelling = false;  // handwritten style: int/int8/bool/decimal instead of the catalog name
};

struct CheckPlan {
    std::string name;
    CheckForm form = CheckForm::none;
    std::string column;  // for period: unused (starts_at/ends_at)
    Kind kind = Kind::integer;
};

struct UniquePlan {
    std::string name;
    std::vector<std::string> columns;
};

enum class OnDelete : unsigned char { no_action, cascade, set_null, restrict };

struct ForeignKeyPlan {
    std::string name;
    std::string column;
    std::size_t target = 0;
};

struct IndexElement {
    std::string pg;
    std::string hw;
};

struct IndexPlan {
    std::string name;
    bool unique = false;
    bool gin = false;
    std::vector<IndexElement> elements;
    std::string where_pg;
    std::string where_hw;
};

struct ViewPlan {
    std::string name;
    std::size_t fk = 0;  // into TablePlan::fks
    bool left_join = false;
    bool filter_deleted = false;
    std::vector<std::string> own_columns;
};

struct TablePlan {
    std::string schema;
    std::string name;
    std::string stem;  // singular, for the FK column names of referencing tables
    std::string label;
    bool bigint_id = false;
    std::vector<ColumnPlan> columns;  // id first
    std::vector<CheckPlan> checks;
    std::vector<UniquePlan> uniques;
    std::vector<ForeignKeyPlan> fks;
    std::vector<OnDelete> on_delete;  // parallel to fks
    std::vector<IndexPlan> indexes;
    std::string comment;
    std::optional<ViewPlan> view;
    bool touch_trigger = false;
    std::string validate_column;  // non-empty: a validation trigger function checks it
    Kind validate_kind = Kind::integer;
    bool count_function = false;
    bool count_in_sql = false;

    [[nodiscard]] const ColumnPlan* find(std::string_view column) const {
        for (const auto& c : columns) {
            if (c.name == column) {
                return &c;
            }
        }
        return nullptr;
    }
};

struct SchemaPlan {
    std::vector<TablePlan> tables;
    bool any_touch_trigger = false;
};

std::string qualified(std::string_view schema, std::string_view name) {
    return fmt::format("{}.{}", schema, name);
}

// Handwritten DDL leans on the default search_path ("$user", public).
std::string hw_name(std::string_view schema, std::string_view name) {
    return schema == "public" ? std::string(name) : qualified(schema, name);
}

std::string quote_literal(std::string_view text) {
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

ColumnPlan column_from(const ColumnTemplate& t, std::string name, Rng& rng) {
    ColumnPlan c;
    c.name = std::move(name);
    c.kind = t.kind;
    c.length = t.length;
    c.enum_index = t.enum_index;
    c.not_null = t.not_null;
    c.value = t.value;
    c.literal = std::string(t.literal);
    if (!t.comment.empty() && rng.percent(40)) {
        c.comment = std::string(t.comment);
    }
    c.alias_spelling = rng.percent(50);
    return c;
}

void plan_indexes(TablePlan& t, Rng& rng) {
    std::vector<IndexPlan> candidates;
    for (const auto& fk : t.fks) {
        candidates.push_back(
            {fmt::format("{}_{}_idx", t.name, fk.column), false, false, {{fk.column, fk.column}}, "", ""});
    }
    if (t.find("created_at") != nullptr) {
        if (t.find("status") != nullptr) {
            candidates.push_back({fmt::format("{}_status_created_at_idx", t.name),
                                  false,
                                  false,
                                  {{"status", "status"}, {"created_at DESC", "created_at desc"}},
                                  "",
                                  ""});
        } else {
            candidates.push_back({fmt::format("{}_created_at_idx", t.name),
                                  false,
                                  false,
                                  {{"created_at DESC", "created_at desc"}},
                                  "",
                                  ""});
        }
    }
    if (t.find("deleted_at") != nullptr) {
        candidates.push_back({fmt::format("{}_live_{}_idx", t.name, t.label),
                              false,
                              false,
                              {{t.label, t.label}},
                              "(deleted_at IS NULL)",
                              "deleted_at is null"});
    }
    candidates.push_back({fmt::format("{}_lower_{}_idx", t.name, t.label),
                          false,
                          false,
                          {{fmt::format("lower({})", t.label), fmt::format("lower({})", t.label)}},
                          "",
                          ""});
    if (t.find("email") != nullptr) {
        // varchar columns reach lower(text) through an implicit cast, which the catalog keeps.
        candidates.push_back({fmt::format("{}_lower_email_idx", t.name),
                              true,
                              false,
                              {{"lower((email)::text)", "lower(email)"}},
                              "",
                              ""});
    }
    if (t.find("metadata") != nullptr) {
        candidates.push_back({fmt::format("{}_metadata_idx", t.name), false, true, {{"metadata", "metadata"}}, "", ""});
    }
    if (t.find("tags") != nullptr) {
        candidates.push_back({fmt::format("{}_tags_idx", t.name), false, true, {{"tags", "tags"}}, "", ""});
    }
    if (t.find("is_active") != nullptr && t.find("created_at") != nullptr) {
        candidates.push_back({fmt::format("{}_active_created_at_idx", t.name),
                              false,
                              false,
                              {{"created_at", "created_at"}},
                              "is_active",
                              "is_active"});
    }
    rng.shuffle(candidates);
    const std::size_t count = std::min<std::size_t>(candidates.size(), 1 + rng.below(3));
    t.indexes.assign(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(count));
}

TablePlan plan_table(std::size_t index, std::uint64_t seed, const std::vector<TablePlan>& earlier,
                     std::map<std::string, std::size_t>& name_uses) {
    Rng rng(mix(seed, index + 1));
    TablePlan t;
    t.schema = std::string(rng.percent(50) ? k_schemas[0] : k_schemas[1 + rng.below(k_schemas.size() - 1)]);
    const auto domain = k_domains[rng.below(k_domains.size())];
    const auto noun = k_nouns[rng.below(k_nouns.size())];
    const std::string base = fmt::format("{}_{}", domain, noun.plural);
    // Names are unique across schemas so FK column names and index names never clash.
    const std::size_t use = ++name_uses[base];
    t.name = use == 1 ? base : fmt::format("{}_{}", base, use);
    t.stem =
        use == 1 ? fmt::format("{}_{}", domain, noun.singular) : fmt::format("{}_{}_{}", domain, noun.singular, use);
    t.bigint_id = rng.percent(50);

    ColumnPlan id;
    id.name = "id";
    id.kind = t.bigint_id ? Kind::bigint : Kind::integer;
    id.not_null = true;
    t.columns.push_back(id);

    constexpr std::array<std::string_view, 3> k_labels = {"name", "title", "label"};
    t.label = std::string(k_labels[rng.below(k_labels.size())]);
    ColumnPlan label;
    label.name = t.label;
    label.kind = Kind::text;
    label.not_null = true;
    t.columns.push_back(label);
    if (rng.percent(30)) {
        t.checks.push_back({fmt::format("{}_{}_check", t.name, t.label), CheckForm::not_empty, t.label, Kind::text});
    }

    // Foreign keys point only at earlier tables (or the table itself), so the
    // handwritten style can declare them inline.
    std::set<std::size_t> targets;
    const std::size_t fk_count = index == 0 ? 0 : rng.below(3);
    for (std::size_t k = 0; k < fk_count; ++k) {
        // Real schemas have hubs (users, accounts): a third of FKs go to the first tables.
        const std::size_t target = rng.percent(33) ? rng.below(std::min<std::size_t>(index, 20)) : rng.below(index);
        if (!targets.insert(target).second) {
            continue;
        }
        const TablePlan& ref = earlier[target];
        const auto on_delete = static_cast<OnDelete>(rng.below(4));
        ColumnPlan c;
        c.name = fmt::format("{}_id", ref.stem);
        c.kind = ref.bigint_id ? Kind::bigint : Kind::integer;
        c.not_null = on_delete != OnDelete::set_null && rng.percent(70);
        t.columns.push_back(c);
        t.fks.push_back({fmt::format("{}_{}_fkey", t.name, c.name), c.name, target});
        t.on_delete.push_back(on_delete);
    }
    if (index > 0 && rng.percent(5)) {
        ColumnPlan c;
        c.name = "parent_id";
        c.kind = id.kind;
        t.columns.push_back(c);
        t.fks.push_back({fmt::format("{}_parent_id_fkey", t.name), c.name, index});
        t.on_delete.push_back(rng.percent(50) ? OnDelete::cascade : OnDelete::set_null);
    }

    const std::size_t total = 5 + rng.below(11);
    std::vector<std::size_t> order(k_templates.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    rng.shuffle(order);
    for (std::size_t i : order) {
        if (t.columns.size() >= total) {
            break;
        }
        const ColumnTemplate& tpl = k_templates[i];
        if (tpl.check == CheckForm::period) {
            if (t.columns.size() + 2 > total) {
                continue;
            }
            t.columns.push_back(column_from(tpl, "starts_at", rng));
            ColumnPlan ends = column_from(tpl, "ends_at", rng);
            ends.not_null = false;
            ends.value = Default::none;
            t.columns.push_back(ends);
            t.checks.push_back({fmt::format("{}_period_check", t.name), CheckForm::period, "", Kind::timestamp});
            continue;
        }
        t.columns.push_back(column_from(tpl, std::string(tpl.name), rng));
        if (tpl.check != CheckForm::none && rng.percent(60)) {
            t.checks.push_back(
                {fmt::format("{}_{}_check", t.name, tpl.name), tpl.check, std::string(tpl.name), tpl.kind});
        }
        if (tpl.unique_candidate && rng.percent(70)) {
            t.uniques.push_back({fmt::format("{}_{}_key", t.name, tpl.name), {std::string(tpl.name)}});
        }
    }
    if (!t.fks.empty() && rng.percent(25)) {
        const std::string& fk_column = t.fks.front().column;
        t.uniques.push_back({fmt::format("{}_{}_{}_key", t.name, fk_column, t.label), {fk_column, t.label}});
    }

    // pg_dump lists a table's CHECK constraints by name.
    std::sort(t.checks.begin(), t.checks.end(), [](const CheckPlan& a, const CheckPlan& b) { return a.name < b.name; });

    plan_indexes(t, rng);

    if (rng.percent(60)) {
        static constexpr std::array<std::string_view, 4> k_comments = {
            "One row per {} {}.",
            "{} {}s, as imported from the legacy system.",
            "Each {} {}'s current state; history lives in the audit schema.",
            "Holds {} {} data. Do not edit by hand.",
        };
        t.comment = fmt::format(fmt::runtime(k_comments[rng.below(k_comments.size())]), domain, noun.singular);
    }

    if (!t.fks.empty() && rng.percent(12)) {
        ViewPlan v;
        v.name = fmt::format("{}_overview", t.name);
        v.fk = rng.below(t.fks.size());
        const ColumnPlan* fk_column = t.find(t.fks[v.fk].column);
        v.left_join = fk_column != nullptr && !fk_column->not_null;
        v.filter_deleted = t.find("deleted_at") != nullptr;
        v.own_columns = {"id", t.label};
        if (t.find("created_at") != nullptr) {
            v.own_columns.emplace_back("created_at");
        }
        t.view = v;
    }
    t.touch_trigger = t.find("updated_at") != nullptr && rng.percent(40);
    for (std::string_view candidate : {"quantity", "amount"}) {
        const ColumnPlan* c = t.find(candidate);
        if (c != nullptr && t.validate_column.empty() && rng.percent(8)) {
            t.validate_column = std::string(candidate);
            t.validate_kind = c->kind;
        }
    }
    t.count_function = !t.fks.empty() && rng.percent(4);
    t.count_in_sql = rng.percent(50);
    return t;
}

// The extra column and index that make a variant differ from the base.
void apply_variant(TablePlan& t, std::uint64_t variant) {
    ColumnPlan c;
    c.name = fmt::format("note_v{}", variant);
    c.kind = Kind::text;
    t.columns.push_back(c);
    t.indexes.push_back({fmt::format("{}_note_v{}_idx", t.name, variant), false, false, {{c.name, c.name}}, "", ""});
}

// Whether `text` names `column` as a whole identifier.
bool mentions(std::string_view text, std::string_view column) {
    const auto is_ident = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; };
    for (std::size_t at = text.find(column); at != std::string_view::npos; at = text.find(column, at + 1)) {
        const bool starts = at == 0 || !is_ident(text[at - 1]);
        const bool ends = at + column.size() == text.size() || !is_ident(text[at + column.size()]);
        if (starts && ends) {
            return true;
        }
    }
    return false;
}

// "Many changes" (--churn): a column widened, a column dropped, an index redefined, each
// only where nothing else (key, check, index, view, trigger, function) uses the column.
void apply_churn(TablePlan& t, Rng& rng) {
    const auto used = [&](const ColumnPlan& c) {
        if (c.name == "id" || c.name == t.label || c.name == t.validate_column) {
            return true;
        }
        if (c.name == "updated_at" && t.touch_trigger) {
            return true;
        }
        for (const auto& fk : t.fks) {
            if (fk.column == c.name) {
                return true;
            }
        }
        for (const auto& k : t.checks) {
            if (k.column == c.name || (k.form == CheckForm::period && (c.name == "starts_at" || c.name == "ends_at"))) {
                return true;
            }
        }
        for (const auto& u : t.uniques) {
            if (std::find(u.columns.begin(), u.columns.end(), c.name) != u.columns.end()) {
                return true;
            }
        }
        for (const auto& ix : t.indexes) {
            if (mentions(ix.where_pg, c.name)) {
                return true;
            }
            for (const auto& e : ix.elements) {
                if (mentions(e.pg, c.name)) {
                    return true;
                }
            }
        }
        if (t.view && (c.name == "deleted_at" || std::find(t.view->own_columns.begin(), t.view->own_columns.end(),
                                                           c.name) != t.view->own_columns.end())) {
            return true;
        }
        return false;
    };
    std::vector<std::size_t> free;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (!used(t.columns[i])) {
            free.push_back(i);
        }
    }
    std::size_t dropped = t.columns.size();
    if (!free.empty()) {
        dropped = free[rng.below(free.size())];
    }
    std::vector<std::size_t> widen;
    for (std::size_t i : free) {
        const Kind kind = t.columns[i].kind;
        if (i != dropped && (kind == Kind::varchar || kind == Kind::integer)) {
            widen.push_back(i);
        }
    }
    if (!widen.empty()) {
        ColumnPlan& c = t.columns[widen[rng.below(widen.size())]];
        if (c.kind == Kind::varchar) {
            c.length *= 2;
        } else {
            c.kind = Kind::bigint;
        }
    }
    if (dropped < t.columns.size()) {
        t.columns.erase(t.columns.begin() + static_cast<std::ptrdiff_t>(dropped));
    }
    for (auto& ix : t.indexes) {
        const bool plain = std::all_of(ix.elements.begin(), ix.elements.end(), [](const IndexElement& e) {
            return e.pg == e.hw && e.pg.find_first_of("( ") == std::string::npos;
        });
        if (ix.unique || ix.gin || !ix.where_pg.empty() || !plain || ix.elements.back().pg == "id") {
            continue;
        }
        ix.elements.push_back({"id", "id"});
        break;
    }
}

SchemaPlan plan_schema(const GeneratorOptions& options) {
    SchemaPlan plan;
    plan.tables.reserve(options.tables);
    std::map<std::string, std::size_t> name_uses;
    for (std::size_t i = 0; i < options.tables; ++i) {
        plan.tables.push_back(plan_table(i, options.seed, plan.tables, name_uses));
    }
    if (options.variant != 0 && options.churn_percent > 0) {
        for (std::size_t i = 0; i < options.tables; ++i) {
            Rng rng(mix(mix(options.seed ^ 0xC4D2C4D2C4D2C4D2ULL, options.variant), i + 1));
            if (rng.percent(options.churn_percent)) {
                apply_churn(plan.tables[i], rng);
            }
        }
    }
    if (options.variant != 0 && options.tables > 0) {
        Rng rng(mix(options.seed ^ 0x5EED5EED5EED5EEDULL, options.variant));
        std::set<std::size_t> changed;
        const std::size_t wanted = std::min(options.changed_tables, options.tables);
        while (changed.size() < wanted) {
            changed.insert(rng.below(options.tables));
        }
        for (std::size_t i : changed) {
            apply_variant(plan.tables[i], options.variant);
        }
    }
    for (const auto& t : plan.tables) {
        plan.any_touch_trigger = plan.any_touch_trigger || t.touch_trigger;
    }
    return plan;
}

// ---------------------------------------------------------------------------
// Spelling

std::string_view enum_first_value(const ColumnPlan& c) {
    return enum_types()[static_cast<std::size_t>(c.enum_index)].values.front();
}

std::string pg_type(const ColumnPlan& c) {
    switch (c.kind) {
        case Kind::integer: return "integer";
        case Kind::bigint: return "bigint";
        case Kind::text: return "text";
        case Kind::varchar: return fmt::format("character varying({})", c.length);
        case Kind::numeric: return "numeric(10,2)";
        case Kind::boolean: return "boolean";
        case Kind::timestamp: return "timestamp without time zone";
        case Kind::jsonb: return "jsonb";
        case Kind::uuid: return "uuid";
        case Kind::enumeration: {
            const auto& e = enum_types()[static_cast<std::size_t>(c.enum_index)];
            return qualified(e.schema, e.name);
        }
        case Kind::text_array: return "text[]";
        case Kind::integer_array: return "integer[]";
    }
    return "text";
}

std::string hw_type(const ColumnPlan& c) {
    const bool alias = c.alias_spelling;
    switch (c.kind) {
        case Kind::integer: return alias ? "int" : "integer";
        case Kind::bigint: return alias ? "int8" : "bigint";
        case Kind::text: return "text";
        case Kind::varchar: return fmt::format("varchar({})", c.length);
        case Kind::numeric: return alias ? "decimal(10, 2)" : "numeric(10,2)";
        case Kind::boolean: return alias ? "bool" : "boolean";
        case Kind::timestamp: return "timestamp";
        case Kind::jsonb: return "jsonb";
        case Kind::uuid: return "uuid";
        case Kind::enumeration: {
            const auto& e = enum_types()[static_cast<std::size_t>(c.enum_index)];
            return hw_name(e.schema, e.name);
        }
        case Kind::text_array: return "text[]";
        case Kind::integer_array: return alias ? "int[]" : "integer[]";
    }
    return "text";
}

// What pg_get_expr gives back for the default, i.e. what pg_dump prints: untyped
// literals come back with the cast the column type added.
std::string pg_default(const ColumnPlan& c) {
    switch (c.value) {
        case Default::none: return "";
        case Default::zero: return "0";
        case Default::one: return "1";
        case Default::empty_string: return c.kind == Kind::varchar ? "''::character varying" : "''::text";
        case Default::literal:
            return fmt::format("{}::{}", quote_literal(c.literal),
                               c.kind == Kind::varchar ? "character varying" : "text");
        case Default::bool_true: return "true";
        case Default::bool_false: return "false";
        case Default::now: return "now()";
        case Default::empty_json: return "'{}'::jsonb";
        case Default::random_uuid: return "gen_random_uuid()";
        case Default::empty_array: return fmt::format("'{{}}'::{}", pg_type(c));
        case Default::enum_first: return fmt::format("{}::{}", quote_literal(enum_first_value(c)), pg_type(c));
    }
    return "";
}

std::string hw_default(const ColumnPlan& c) {
    switch (c.value) {
        case Default::none: return "";
        case Default::zero: return "0";
        case Default::one: return "1";
        case Default::empty_string: return "''";
        case Default::literal: return quote_literal(c.literal);
        case Default::bool_true: return "true";
        case Default::bool_false: return "false";
        case Default::now: return "now()";
        case Default::empty_json: return "'{}'";
        case Default::random_uuid: return "gen_random_uuid()";
        case Default::empty_array: return "'{}'";
        case Default::enum_first: return quote_literal(enum_first_value(c));
    }
    return "";
}

// pg_get_constraintdef's spelling: the expression fully parenthesized, implicit
// casts made explicit.
std::string pg_check(const CheckPlan& k) {
    switch (k.form) {
        case CheckForm::non_negative:
            return k.kind == Kind::numeric ? fmt::format("CHECK (({} >= (0)::numeric))", k.column)
                                           : fmt::format("CHECK (({} >= 0))", k.column);
        case CheckForm::positive: return fmt::format("CHECK (({} > 0))", k.column);
        case CheckForm::not_empty: return fmt::format("CHECK (({} <> ''::text))", k.column);
        case CheckForm::min_length: return fmt::format("CHECK ((char_length(({})::text) >= 2))", k.column);
        case CheckForm::period: return "CHECK ((ends_at > starts_at))";
        case CheckForm::none: break;
    }
    return "";
}

std::string hw_check(const CheckPlan& k) {
    switch (k.form) {
        case CheckForm::non_negative: return fmt::format("check ({} >= 0)", k.column);
        case CheckForm::positive: return fmt::format("check ({} > 0)", k.column);
        case CheckForm::not_empty: return fmt::format("check ({} <> '')", k.column);
        case CheckForm::min_length: return fmt::format("check (char_length({}) >= 2)", k.column);
        case CheckForm::period: return "check (ends_at > starts_at)";
        case CheckForm::none: break;
    }
    return "";
}

std::string_view pg_on_delete(OnDelete d) {
    switch (d) {
        case OnDelete::no_action: return "";
        case OnDelete::cascade: return " ON DELETE CASCADE";
        case OnDelete::set_null: return " ON DELETE SET NULL";
        case OnDelete::restrict: return " ON DELETE RESTRICT";
    }
    return "";
}

std::string_view hw_on_delete(OnDelete d) {
    switch (d) {
        case OnDelete::no_action: return "";
        case OnDelete::cascade: return " on delete cascade";
        case OnDelete::set_null: return " on delete set null";
        case OnDelete::restrict: return " on delete restrict";
    }
    return "";
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

// Function bodies are kept verbatim by the catalog, so both styles share them (and
// qualify every name, as they must under pg_dump's empty search_path).
std::string touch_body() {
    return "\nBEGIN\n    NEW.updated_at := now();\n    RETURN NEW;\nEND;\n";
}

std::string validate_body(const TablePlan& t) {
    return fmt::format(
        "\nBEGIN\n    IF NEW.{0} < 0 THEN\n        RAISE EXCEPTION '{1}.{0} must not be negative (got %)', NEW.{0};\n"
        "    END IF;\n    RETURN NEW;\nEND;\n",
        t.validate_column, t.name);
}

std::string count_body(const TablePlan& t) {
    const std::string& column = t.fks.front().column;
    if (t.count_in_sql) {
        return fmt::format("\n    SELECT count(*) FROM {} WHERE {} = p_id\n", qualified(t.schema, t.name), column);
    }
    return fmt::format(
        "\nDECLARE\n    result bigint;\nBEGIN\n    SELECT count(*) INTO result FROM {} WHERE {} = p_id;\n"
        "    RETURN result;\nEND;\n",
        qualified(t.schema, t.name), column);
}

// ---------------------------------------------------------------------------
// pg_dump style

class PgDumpWriter {
  public:
    explicit PgDumpWriter(const SchemaPlan& plan) : plan(plan) {}

    std::string write() {
        out.reserve(plan.tables.size() * 4096);
        out +=
            "--\n-- PostgreSQL database dump\n--\n\n"
            "-- Dumped from database version 15.4 (Debian 15.4-0+deb12u1)\n"
            "-- Dumped by pg_dump version 15.4 (Debian 15.4-0+deb12u1)\n\n"
            "SET statement_timeout = 0;\n"
            "SET lock_timeout = 0;\n"
            "SET idle_in_transaction_session_timeout = 0;\n"
            "SET client_encoding = 'UTF8';\n"
            "SET standard_conforming_strings = on;\n"
            "SELECT pg_catalog.set_config('search_path', '', false);\n"
            "SET check_function_bodies = false;\n"
            "SET xmloption = content;\n"
            "SET client_min_messages = warning;\n"
            "SET row_security = off;\n\n";
        for (std::string_view schema : k_schemas) {
            if (schema != "public") {
                header(schema, "SCHEMA", "-");
                out += fmt::format("CREATE SCHEMA {};\n\n\n", schema);
            }
        }
        for (const auto& e : enum_types()) {
            header(e.name, "TYPE", e.schema);
            out += fmt::format("CREATE TYPE {} AS ENUM (\n", qualified(e.schema, e.name));
            for (std::size_t i = 0; i < e.values.size(); ++i) {
                out += fmt::format("    {}{}\n", quote_literal(e.values[i]), i + 1 < e.values.size() ? "," : "");
            }
            out += ");\n\n\n";
        }
        write_functions();
        out += "SET default_tablespace = '';\n\nSET default_table_access_method = heap;\n\n";
        for (const auto& t : plan.tables) {
            write_table(t);
        }
        for (const auto& t : plan.tables) {
            if (t.view) {
                write_view(t, *t.view);
            }
        }
        for (const auto& t : plan.tables) {
            header(fmt::format("{} id", t.name), "DEFAULT", t.schema);
            out += fmt::format("ALTER TABLE ONLY {} ALTER COLUMN id SET DEFAULT nextval('{}'::regclass);\n\n\n",
                               qualified(t.schema, t.name), qualified(t.schema, t.name + "_id_seq"));
        }
        for (const auto& t : plan.tables) {
            write_constraint(t, t.name + "_pkey", "PRIMARY KEY (id)", "CONSTRAINT");
            for (const auto& u : t.uniques) {
                write_constraint(t, u.name, fmt::format("UNIQUE ({})", join(u.columns, ", ")), "CONSTRAINT");
            }
        }
        for (const auto& t : plan.tables) {
            for (const auto& ix : t.indexes) {
                write_index(t, ix);
            }
        }
        for (const auto& t : plan.tables) {
            write_triggers(t);
        }
        for (const auto& t : plan.tables) {
            for (std::size_t k = 0; k < t.fks.size(); ++k) {
                const auto& fk = t.fks[k];
                const TablePlan& ref = plan.tables[fk.target];  // the table itself for parent_id
                write_constraint(t, fk.name,
                                 fmt::format("FOREIGN KEY ({}) REFERENCES {}(id){}", fk.column,
                                             qualified(ref.schema, ref.name), pg_on_delete(t.on_delete[k])),
                                 "FK CONSTRAINT");
            }
        }
        out += "--\n-- PostgreSQL database dump complete\n--\n\n";
        return std::move(out);
    }

  private:
    const SchemaPlan& plan;
    std::string out;

    void header(std::string_view name, std::string_view type, std::string_view schema) {
        out += fmt::format("--\n-- Name: {}; Type: {}; Schema: {}; Owner: -\n--\n\n", name, type, schema);
    }

    void write_functions() {
        if (plan.any_touch_trigger) {
            header("set_updated_at()", "FUNCTION", "public");
            out += fmt::format(
                "CREATE FUNCTION public.set_updated_at() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $${}$$;\n\n\n",
                touch_body());
        }
        for (const auto& t : plan.tables) {
            if (!t.validate_column.empty()) {
                header(fmt::format("{}_validate()", t.name), "FUNCTION", t.schema);
                out += fmt::format("CREATE FUNCTION {}() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $${}$$;\n\n\n",
                                   qualified(t.schema, t.name + "_validate"), validate_body(t));
            }
            if (t.count_function) {
                const ColumnPlan* c = t.find(t.fks.front().column);
                const std::string type = pg_type(*c);
                header(fmt::format("{}_count_for({})", t.name, type), "FUNCTION", t.schema);
                out += fmt::format(
                    "CREATE FUNCTION {}(p_id {}) RETURNS bigint\n    LANGUAGE {} STABLE\n    AS $${}$$;\n\n\n",
                    qualified(t.schema, t.name + "_count_for"), type, t.count_in_sql ? "sql" : "plpgsql",
                    count_body(t));
            }
        }
    }

    void write_table(const TablePlan& t) {
        const std::string name = qualified(t.schema, t.name);
        header(t.name, "TABLE", t.schema);
        out += fmt::format("CREATE TABLE {} (\n", name);
        std::vector<std::string> lines;
        for (const auto& c : t.columns) {
            std::string line = fmt::format("    {} {}", c.name, pg_type(c));
            if (c.value != Default::none) {
                line += " DEFAULT " + pg_default(c);
            }
            if (c.not_null) {
                line += " NOT NULL";
            }
            lines.push_back(std::move(line));
        }
        for (const auto& k : t.checks) {
            lines.push_back(fmt::format("    CONSTRAINT {} {}", k.name, pg_check(k)));
        }
        out += join(lines, ",\n");
        out += "\n);\n\n\n";
        if (!t.comment.empty()) {
            header(fmt::format("TABLE {}", t.name), "COMMENT", t.schema);
            out += fmt::format("COMMENT ON TABLE {} IS {};\n\n\n", name, quote_literal(t.comment));
        }
        for (const auto& c : t.columns) {
            if (!c.comment.empty()) {
                header(fmt::format("COLUMN {}.{}", t.name, c.name), "COMMENT", t.schema);
                out += fmt::format("COMMENT ON COLUMN {}.{} IS {};\n\n\n", name, c.name, quote_literal(c.comment));
            }
        }
        const std::string sequence = t.name + "_id_seq";
        header(sequence, "SEQUENCE", t.schema);
        out += fmt::format(
            "CREATE SEQUENCE {}\n{}    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n"
            "    NO MAXVALUE\n    CACHE 1;\n\n\n",
            qualified(t.schema, sequence), t.bigint_id ? "" : "    AS integer\n");
        header(sequence, "SEQUENCE OWNED BY", t.schema);
        out += fmt::format("ALTER SEQUENCE {} OWNED BY {}.id;\n\n\n", qualified(t.schema, sequence), name);
    }

    // pg_get_viewdef's layout (pg_dump prints it verbatim).
    void write_view(const TablePlan& t, const ViewPlan& v) {
        const ForeignKeyPlan& fk = t.fks[v.fk];
        const TablePlan& ref = plan.tables[fk.target];
        header(v.name, "VIEW", t.schema);
        out += fmt::format("CREATE VIEW {} AS\n SELECT ", qualified(t.schema, v.name));
        std::vector<std::string> columns;
        for (const auto& c : v.own_columns) {
            columns.push_back("a." + c);
        }
        columns.push_back(fmt::format("b.{} AS {}_{}", ref.label, ref.stem, ref.label));
        out += join(columns, ",\n    ");
        out += fmt::format("\n   FROM ({} a\n     {} {} b ON ((b.id = a.{})))", qualified(t.schema, t.name),
                           v.left_join ? "LEFT JOIN" : "JOIN", qualified(ref.schema, ref.name), fk.column);
        if (v.filter_deleted) {
            out += "\n  WHERE (a.deleted_at IS NULL)";
        }
        out += ";\n\n\n";
    }

    void write_constraint(const TablePlan& t, const std::string& constraint, const std::string& definition,
                          std::string_view type) {
        header(fmt::format("{} {}", t.name, constraint), type, t.schema);
        out += fmt::format("ALTER TABLE ONLY {}\n    ADD CONSTRAINT {} {};\n\n\n", qualified(t.schema, t.name),
                           constraint, definition);
    }

    void write_index(const TablePlan& t, const IndexPlan& ix) {
        header(ix.name, "INDEX", t.schema);
        std::vector<std::string> elements;
        for (const auto& e : ix.elements) {
            elements.push_back(e.pg);
        }
        out += fmt::format("CREATE {}INDEX {} ON {} USING {} ({})", ix.unique ? "UNIQUE " : "", ix.name,
                           qualified(t.schema, t.name), ix.gin ? "gin" : "btree", join(elements, ", "));
        if (!ix.where_pg.empty()) {
            out += " WHERE " + ix.where_pg;
        }
        out += ";\n\n\n";
    }

    void write_triggers(const TablePlan& t) {
        if (t.touch_trigger) {
            header(fmt::format("{} trg_set_updated_at", t.name), "TRIGGER", t.schema);
            out += fmt::format(
                "CREATE TRIGGER trg_set_updated_at BEFORE UPDATE ON {} FOR EACH ROW EXECUTE FUNCTION "
                "public.set_updated_at();\n\n\n",
                qualified(t.schema, t.name));
        }
        if (!t.validate_column.empty()) {
            header(fmt::format("{} trg_validate", t.name), "TRIGGER", t.schema);
            out += fmt::format(
                "CREATE TRIGGER trg_validate BEFORE INSERT OR UPDATE ON {} FOR EACH ROW EXECUTE FUNCTION {}();\n\n\n",
                qualified(t.schema, t.name), qualified(t.schema, t.name + "_validate"));
        }
    }
};

// ---------------------------------------------------------------------------
// handwritten style

class HandwrittenWriter {
  public:
    explicit HandwrittenWriter(const SchemaPlan& plan) : plan(plan) {}

    std::string write() {
        out.reserve(plan.tables.size() * 2048);
        out += "-- Application schema (generated by schemerge-gen).\n\n";
        for (std::string_view schema : k_schemas) {
            if (schema != "public") {
                out += fmt::format("create schema {};\n", schema);
            }
        }
        out += "\n";
        for (const auto& e : enum_types()) {
            std::vector<std::string> values;
            for (auto v : e.values) {
                values.push_back(quote_literal(v));
            }
            out += fmt::format("create type {} as enum ({});\n", hw_name(e.schema, e.name), join(values, ", "));
        }
        out += "\n";
        if (plan.any_touch_trigger) {
            out += fmt::format(
                "create or replace function set_updated_at() returns trigger\nlanguage plpgsql as $${}$$;\n\n",
                touch_body());
        }
        for (std::size_t i = 0; i < plan.tables.size(); ++i) {
            write_table(plan.tables[i], i);
        }
        return std::move(out);
    }

  private:
    const SchemaPlan& plan;
    std::string out;

    void write_table(const TablePlan& t, std::size_t index) {
        const std::string name = hw_name(t.schema, t.name);
        out += fmt::format("create table {} (\n", name);
        std::vector<std::string> lines;
        for (const auto& c : t.columns) {
            if (c.name == "id") {
                lines.push_back(fmt::format("    id {} primary key", t.bigint_id ? "bigserial" : "serial"));
                continue;
            }
            std::string line = fmt::format("    {} {}", c.name, hw_type(c));
            if (c.not_null) {
                line += " not null";
            }
            if (c.value != Default::none) {
                line += " default " + hw_default(c);
            }
            for (const auto& k : t.checks) {
                // A column check without a name gets the name PostgreSQL would pick: <table>_<column>_check.
                if (k.column == c.name && k.form != CheckForm::period) {
                    line += " " + hw_check(k);
                }
            }
            for (const auto& u : t.uniques) {
                if (u.columns.size() == 1 && u.columns.front() == c.name) {
                    line += " unique";
                }
            }
            for (std::size_t k = 0; k < t.fks.size(); ++k) {
                const auto& fk = t.fks[k];
                if (fk.column == c.name) {
                    const TablePlan& ref = fk.target == index ? t : plan.tables[fk.target];
                    line += fmt::format(" references {} (id){}", hw_name(ref.schema, ref.name),
                                        hw_on_delete(t.on_delete[k]));
                }
            }
            lines.push_back(std::move(line));
        }
        for (const auto& k : t.checks) {
            if (k.form == CheckForm::period) {
                lines.push_back(fmt::format("    constraint {} {}", k.name, hw_check(k)));
            }
        }
        for (const auto& u : t.uniques) {
            if (u.columns.size() > 1) {
                lines.push_back(fmt::format("    constraint {} unique ({})", u.name, join(u.columns, ", ")));
            }
        }
        out += join(lines, ",\n");
        out += "\n);\n";
        for (const auto& ix : t.indexes) {
            std::vector<std::string> elements;
            for (const auto& e : ix.elements) {
                elements.push_back(e.hw);
            }
            out += fmt::format("create {}index {} on {}{} ({})", ix.unique ? "unique " : "", ix.name, name,
                               ix.gin ? " using gin" : "", join(elements, ", "));
            if (!ix.where_hw.empty()) {
                out += " where " + ix.where_hw;
            }
            out += ";\n";
        }
        if (!t.comment.empty()) {
            out += fmt::format("comment on table {} is {};\n", name, quote_literal(t.comment));
        }
        for (const auto& c : t.columns) {
            if (!c.comment.empty()) {
                out += fmt::format("comment on column {}.{} is {};\n", name, c.name, quote_literal(c.comment));
            }
        }
        if (t.touch_trigger) {
            out += fmt::format(
                "create trigger trg_set_updated_at before update on {} for each row execute procedure "
                "set_updated_at();\n",
                name);
        }
        if (!t.validate_column.empty()) {
            const std::string function = hw_name(t.schema, t.name + "_validate");
            out += fmt::format("create function {}() returns trigger language plpgsql as $${}$$;\n", function,
                               validate_body(t));
            out += fmt::format(
                "create trigger trg_validate before insert or update on {} for each row execute function {}();\n", name,
                function);
        }
        if (t.count_function) {
            const ColumnPlan* c = t.find(t.fks.front().column);
            out += fmt::format("create function {}(p_id {}) returns bigint language {} stable as $${}$$;\n",
                               hw_name(t.schema, t.name + "_count_for"), hw_type(*c),
                               t.count_in_sql ? "sql" : "plpgsql", count_body(t));
        }
        if (t.view) {
            const ViewPlan& v = *t.view;
            const ForeignKeyPlan& fk = t.fks[v.fk];
            const TablePlan& ref = fk.target == index ? t : plan.tables[fk.target];
            std::vector<std::string> columns;
            for (const auto& c : v.own_columns) {
                columns.push_back("a." + c);
            }
            columns.push_back(fmt::format("b.{} as {}_{}", ref.label, ref.stem, ref.label));
            out += fmt::format("create view {} as\nselect {}\nfrom {} a\n{} {} b on b.id = a.{}",
                               hw_name(t.schema, v.name), join(columns, ", "), name, v.left_join ? "left join" : "join",
                               hw_name(ref.schema, ref.name), fk.column);
            if (v.filter_deleted) {
                out += "\nwhere a.deleted_at is null";
            }
            out += ";\n";
        }
        out += "\n";
    }
};

}  // namespace

std::string generate_schema(const GeneratorOptions& options) {
    const SchemaPlan plan = plan_schema(options);
    if (options.style == SchemaStyle::handwritten) {
        return HandwrittenWriter(plan).write();
    }
    return PgDumpWriter(plan).write();
}

}  // namespace schemerge::benchmarks
