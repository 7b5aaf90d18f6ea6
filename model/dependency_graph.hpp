#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "model/object_key.hpp"
#include "model/qualified_name.hpp"
#include "model/type_ref.hpp"

namespace schemerge::model {

struct Schema;

// Why one object needs another. Most edges are plain "must exist first"; the
// others name relationships that an emitter may satisfy with a separate
// statement (ALTER SEQUENCE ... OWNED BY, ATTACH PARTITION, ALTER INDEX ... ATTACH),
// which is how pg_dump breaks the cycles these would otherwise create.
enum class DependencyKind : std::uint8_t { normal, owned_by, partition_of, index_attach };

struct Dependency {
    ObjectKey from;  // the dependent object
    ObjectKey to;    // what it needs
    DependencyKind kind = DependencyKind::normal;

    auto operator<=>(const Dependency&) const = default;
    bool operator==(const Dependency&) const = default;
};

// Key constructors, so every module spells identities the same way.
[[nodiscard]] ObjectKey schema_key(const std::string& name);
[[nodiscard]] ObjectKey object_key(ObjectKind kind, const QualifiedName& name, std::string args = {});
[[nodiscard]] ObjectKey table_scoped_key(ObjectKind kind, const QualifiedName& table, const std::string& name);

// Objects as nodes, "needs" relations as edges. Only references that resolve to
// an object of the schema become edges: built-in types, extension objects and
// unknown names are outside the model and need no ordering.
class DependencyGraph {
public:
    [[nodiscard]] static DependencyGraph build(const Schema& schema);

    DependencyGraph() = default;
    // The id index points into keys_: copies must rebuild it.
    DependencyGraph(const DependencyGraph& other)
        : keys_(other.keys_), edges_(other.edges_), by_to_(other.by_to_), sorted_(other.sorted_) {
        index_keys();
    }
    DependencyGraph(DependencyGraph&& other) noexcept
        : keys_(std::move(other.keys_)),
          edges_(std::move(other.edges_)),
          by_to_(std::move(other.by_to_)),
          sorted_(other.sorted_) {
        other.ids_.clear();
        other.sorted_ = false;
        index_keys();
    }
    DependencyGraph& operator=(const DependencyGraph&) = delete;
    DependencyGraph& operator=(DependencyGraph&&) = delete;

    void add_node(const ObjectKey& key);
    // Adds both ends as nodes; self-edges are ignored; a repeated edge is kept once
    // (after deduplicate(), which build() calls).
    void add_edge(const ObjectKey& from, const ObjectKey& to, DependencyKind kind = DependencyKind::normal);

    void deduplicate();
    [[nodiscard]] bool contains(const ObjectKey& key) const { return find_id(key).has_value(); }
    [[nodiscard]] std::size_t node_count() const { return keys_.size(); }
    // Edges leaving `key` (what it needs), in key order.
    [[nodiscard]] std::vector<Dependency> dependencies_of(const ObjectKey& key) const;
    // Edges arriving at `key` (what needs it), in key order.
    [[nodiscard]] std::vector<Dependency> dependents_of(const ObjectKey& key) const;
    [[nodiscard]] std::size_t edge_count() const { return edges_.size(); }
    // Visits every edge: f(from, to, kind).
    template <typename F>
    void for_each_edge(F&& f) const {
        for (const auto& e : edges_) {
            f(keys_[e.from], keys_[e.to], e.kind);
        }
    }

private:
    // Keys are interned: a 10,000-table schema has hundreds of thousands of edges,
    // and an edge of two ObjectKeys would cost ~300 bytes where two ids cost 8.
    struct Edge {
        std::uint32_t from;
        std::uint32_t to;
        DependencyKind kind;
        auto operator<=>(const Edge&) const = default;
    };
    std::uint32_t intern(const ObjectKey& key);
    [[nodiscard]] std::optional<std::uint32_t> find_id(const ObjectKey& key) const;
    // The index holds ids and hashes and compares the keys they name, so each key is
    // stored once (a hash, not a tree: interning is on the path of every edge of a load).
    struct IdHash {
        const std::vector<ObjectKey>* keys;
        using is_transparent = void;
        std::size_t operator()(std::uint32_t id) const { return hash_key((*keys)[id]); }
        std::size_t operator()(const ObjectKey& key) const { return hash_key(key); }
    };
    struct IdEqual {
        const std::vector<ObjectKey>* keys;
        using is_transparent = void;
        bool operator()(std::uint32_t a, std::uint32_t b) const { return a == b; }  // one id per key
        bool operator()(std::uint32_t a, const ObjectKey& b) const { return (*keys)[a] == b; }
        bool operator()(const ObjectKey& a, std::uint32_t b) const { return a == (*keys)[b]; }
    };
    [[nodiscard]] static std::size_t hash_key(const ObjectKey& key);
    // (Re)builds ids_ over keys_ (after a copy or a move: the functors point at keys_).
    void index_keys();
    using IdIndex = std::unordered_set<std::uint32_t, IdHash, IdEqual>;
    std::vector<ObjectKey> keys_;
    IdIndex ids_{0, IdHash{&keys_}, IdEqual{&keys_}};
    std::vector<Edge> edges_;
    // Once deduplicate() has run (and no edge was added since): edges_ is sorted by
    // (from, to, kind), and by_to_ lists edges_'s indexes by (to, from, kind), so the
    // edges from or to one object are a binary search away, not a scan of every edge.
    std::vector<std::uint32_t> by_to_;
    bool sorted_ = false;
};

// Resolves names against a schema the way the graph does; exposed for emitters
// that need the same answers (which object a type or relation name denotes).
class ObjectResolver {
public:
    explicit ObjectResolver(const Schema& schema);

    // A user type, or a table/view row type. Built-in types resolve to nothing.
    [[nodiscard]] std::optional<ObjectKey> type(const TypeRef& type) const;
    [[nodiscard]] std::optional<ObjectKey> type_name(const QualifiedName& name) const;
    // A table, view, materialized view, sequence or composite type.
    [[nodiscard]] std::optional<ObjectKey> relation(const QualifiedName& name) const;
    // Every routine of that name, whatever its arguments.
    [[nodiscard]] std::vector<ObjectKey> routines(const QualifiedName& name) const;
    [[nodiscard]] std::optional<ObjectKey> collation(const QualifiedName& name) const;
    [[nodiscard]] std::optional<ObjectKey> namespace_of(const std::string& schema_name) const;

    // `name` with the dialect's default schema when it has none.
    [[nodiscard]] QualifiedName with_default_schema(QualifiedName name) const;

    // "a.b", "b", "\"A\".b" -> QualifiedName; a missing schema stays empty.
    [[nodiscard]] static QualifiedName parse_name(const std::string& text);

private:
    const Schema& schema_;
    std::map<QualifiedName, std::vector<ObjectKey>> routines_by_name_;
};

}  // namespace schemerge::model
