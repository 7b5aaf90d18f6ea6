#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace schemerge::model {

// Which neutral object an attribute belongs to.
enum class AttributeScope : std::uint8_t { table, column, constraint, index, view, sequence, function, trigger, type };

// A list of name = value options (PostgreSQL's WITH (fillfactor = 70), attoptions).
using AttributeOptions = std::vector<std::pair<std::string, std::string>>;

// The value of a dialect-only attribute. Which alternative an attribute holds is fixed
// by its definition (AttributeDef::type).
using AttributeValue = std::variant<bool, std::int64_t, std::string, AttributeOptions>;

enum class AttributeType : std::uint8_t { flag, integer, text, options };

// What the two-way diff reports when an attribute differs on an object that stays.
enum class AttributeDiff : std::uint8_t {
    // A set_attribute change of its own (the row and both values); the dialect's planner
    // decides the statement (MySQL's rows).
    own,
    // Part of the object's one in-place change: alter_table for a table,
    // alter_column_options for a column, alter_index for an index (one change per object,
    // whatever rows differ; on a view or a view's column, part of the view's definition:
    // replace_view; on a constraint, part of its definition: drop_constraint and
    // add_constraint); the planner reads both objects' values (one dialect's table, column,
    // index, view and key-index extras).
    with_object,
};

// One attribute that only some engines have (PostgreSQL's column STORAGE, MySQL's
// ENGINE or AUTO_INCREMENT, ...), declared once, as a row of its dialect's attribute
// table (DialectTraits::attributes). Everything the neutral layers do with it (compare,
// diff, three-way merge, JSON, conflict reports) reads this row: adding an attribute is
// one row, and the dialect's front end and planner that set and use it.
//
// Definitions are compared by address: declare each once, with static storage.
struct AttributeDef {
    std::string_view name;  // JSON key and the attribute a conflict names: "storage", "engine"
    AttributeScope scope = AttributeScope::table;
    AttributeType type = AttributeType::text;
    // Part of the definition: differences are changes (and conflicts). False for what is
    // recorded and dumped but differs between environments without being a schema change
    // (MySQL's AUTO_INCREMENT counter of a table).
    bool compared = true;
    // Position in the dialect's table: sets iterate in this order, so dumps and JSON list a
    // dialect's attributes in one stable order.
    std::uint16_t order = 0;
    AttributeDiff diff = AttributeDiff::own;
    // For a text attribute that names an index (or key constraint) of its object's table,
    // as PostgreSQL's CLUSTER ON and REPLICA IDENTITY USING INDEX do: the value with that
    // index renamed from `from` to `to` (the value itself when it names another). Schema
    // edits carry an index rename along with it, and the diff compares values after the
    // hinted index renames. Null: the value names no index.
    std::string (*rename_index)(const std::string& value, const std::string& from, const std::string& to) = nullptr;
};

// The dialect-only attributes of one object. Unset and default are the same thing: an
// attribute set to its type's empty value (false, "", no options) is removed, so a
// front end that writes the default and one that does not build equal objects. Integers
// have no empty value: 0 is a value.
class AttributeSet {
public:
    struct Entry {
        const AttributeDef* def = nullptr;
        AttributeValue value;
        bool operator==(const Entry&) const = default;
    };

    [[nodiscard]] bool empty() const { return entries_.empty(); }
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] auto begin() const { return entries_.begin(); }
    [[nodiscard]] auto end() const { return entries_.end(); }

    [[nodiscard]] const AttributeValue* find(const AttributeDef& def) const;
    [[nodiscard]] bool has(const AttributeDef& def) const { return find(def) != nullptr; }
    // Typed reads; an unset attribute reads as its empty value.
    [[nodiscard]] bool flag(const AttributeDef& def) const;
    [[nodiscard]] std::optional<std::int64_t> integer(const AttributeDef& def) const;
    [[nodiscard]] const std::string& text(const AttributeDef& def) const;
    [[nodiscard]] const AttributeOptions& options(const AttributeDef& def) const;

    // Sets (or, for an empty value, removes) an attribute. The value's alternative must
    // match def.type (checked: a mismatch is a programming error and throws).
    void set(const AttributeDef& def, AttributeValue value);
    void erase(const AttributeDef& def);
    // Index `from` renamed to `to` in every attribute whose row names an index
    // (AttributeDef::rename_index).
    void rename_index(const std::string& from, const std::string& to);

    // Do the compared attributes reported as `diff` differ between the two sets?
    [[nodiscard]] bool differs(const AttributeSet& other, AttributeDiff diff) const;

    // Equality of the definition: attributes with compared == false are ignored.
    bool operator==(const AttributeSet& other) const;
    // Every attribute, compared or not.
    [[nodiscard]] bool identical(const AttributeSet& other) const { return entries_ == other.entries_; }

private:
    std::vector<Entry> entries_;  // sorted by (def->order, def->name)
};

// The canonical text of a value, for conflict reports: "true", "42", "InnoDB",
// "fillfactor=70, autovacuum_enabled=false".
[[nodiscard]] std::string attribute_text(const AttributeValue& value);

}  // namespace schemerge::model
