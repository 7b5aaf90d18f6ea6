#pragma once
// Helpers at the libpg_query boundary: RAII handles for its C results, accessors for
// its protobuf nodes, a generic tree walker, and canonical deparsing of expressions.
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/expression.hpp"
#include "model/qualified_name.hpp"
#include "model/type_ref.hpp"

namespace schemerge::parser::postgres {

using Node = PgQuery__Node;

// The memory of one unpacked tree: protobuf-c allocates every node from it by bumping a
// pointer, and the whole tree goes at once (no walk through free_unpacked, no malloc per
// node). Defined in pg_ast.cpp.
class TreeArena;
struct TreeArenaDeleter {
    void operator()(TreeArena* arena) const;
};

// Owns an unpacked parse tree and the arena it lives in — freed exactly once.
// Temporary edits (TreeEdits) point into memory they own and are undone before the tree
// goes, so nothing in the tree is ever freed on its own.
struct UnpackedTree {
    PgQuery__ParseResult* tree = nullptr;
    std::unique_ptr<TreeArena, TreeArenaDeleter> arena;
    UnpackedTree() = default;
    UnpackedTree(PgQuery__ParseResult* t, std::unique_ptr<TreeArena, TreeArenaDeleter> a)
        : tree(t), arena(std::move(a)) {}
    UnpackedTree(UnpackedTree&& o) noexcept : tree(o.tree), arena(std::move(o.arena)) { o.tree = nullptr; }
    UnpackedTree& operator=(UnpackedTree&& o) noexcept {
        std::swap(tree, o.tree);
        std::swap(arena, o.arena);
        return *this;
    }
    UnpackedTree(const UnpackedTree&) = delete;
    UnpackedTree& operator=(const UnpackedTree&) = delete;
    ~UnpackedTree() = default;
};

// Result of parsing one statement: the packed protobuf, or libpg_query's error.
struct ParsedStatement {
    std::string protobuf;  // packed PgQuery__ParseResult
    std::string error;     // empty on success
    int error_cursor = 0;  // 1-based offset into the statement text, 0 = unknown
};

[[nodiscard]] ParsedStatement parse_statement(const std::string& text);
[[nodiscard]] UnpackedTree unpack(const std::string& protobuf);

// Accessors -------------------------------------------------------------------

[[nodiscard]] std::string_view node_string(const Node* node);  // String / A_Const string
[[nodiscard]] std::vector<std::string> string_list(Node* const* items, std::size_t n);
[[nodiscard]] std::optional<std::int64_t> node_integer(const Node* node);  // Integer / A_Const / Float
[[nodiscard]] std::string def_value(const Node* arg);  // DefElem argument as canonical text
[[nodiscard]] const char* node_kind_name(const Node* node);  // "CreateStmt"

// Walk every message below `root` (pre-order). The callback may modify the node.
void walk(ProtobufCMessage* root, const std::function<void(ProtobufCMessage*)>& visit);

template <typename T>
[[nodiscard]] bool is(const ProtobufCMessage* msg, const ProtobufCMessageDescriptor& d) {
    return msg->descriptor == &d;
}

// Undo log for temporary edits of a parse tree before deparsing: the tree is owned by
// protobuf-c's free routine, so every pointer we swap in must be swapped back.
class TreeEdits {
public:
    TreeEdits() = default;
    TreeEdits(const TreeEdits&) = delete;
    TreeEdits& operator=(const TreeEdits&) = delete;
    ~TreeEdits() { undo(); }

    template <typename T>
    void set(T*& field, T* value) {
        T* old = field;
        T** slot = &field;
        undo_.push_back([slot, old] { *slot = old; });
        field = value;
    }
    template <typename T>
    void set_value(T& field, T value) {
        T old = field;
        T* slot = &field;
        undo_.push_back([slot, old] { *slot = old; });
        field = value;
    }
    char* keep(std::string s) {
        strings_.push_back(std::make_unique<std::string>(std::move(s)));
        return strings_.back()->data();
    }
    template <typename T>
    T* make(T init) {
        auto holder = std::make_shared<T>(init);
        objects_.push_back(holder);
        return holder.get();
    }
    void undo() {
        for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
            (*it)();
        }
        undo_.clear();
    }

private:
    std::vector<std::function<void()>> undo_;
    std::vector<std::unique_ptr<std::string>> strings_;
    std::vector<std::shared_ptr<void>> objects_;
};

// Canonicalization and deparsing ---------------------------------------------

}  // namespace schemerge::parser::postgres
namespace schemerge::model {
struct Schema;
struct Table;
}
namespace schemerge::parser::postgres {

// How unqualified names resolve while canonicalizing: like the engine, through the
// search path, to the first schema holding an object of that name; names that match
// nothing (built-ins, extension objects we do not model) stay unqualified.
struct NameContext {
    std::string default_schema = "public";  // schema for unqualified names that match nothing known
    const model::Schema* schema = nullptr;
    const std::vector<std::string>* search_path = nullptr;
    // Where pg_catalog sits among the search path's schemas: before search_path[i]. It is
    // searched first unless the path names it later (docs: "The Schema Search Path").
    int catalog_position = 0;
    // The path names no schema but pg_catalog (pg_dump's ''): unqualified calls reach
    // only built-ins.
    bool empty_path = false;
    // The table whose columns bare column names in an expression mean (index, default,
    // check, generated column, policy); nullptr elsewhere.
    const model::Table* table = nullptr;

    [[nodiscard]] std::optional<std::string> relation_schema(const std::string& name) const;
    [[nodiscard]] std::optional<std::string> type_schema(const std::string& name) const;
    [[nodiscard]] std::optional<std::string> function_schema(const std::string& name) const;
};

// Canonical TypeRef of a TypeName: "int4", "INTEGER", "int" -> integer.
[[nodiscard]] model::TypeRef type_ref(const PgQuery__TypeName* type, const NameContext& ctx);
// Whether a (schema-less) internal or SQL type name is a built-in type.
[[nodiscard]] bool is_builtin_type(std::string_view name);

// Deparse an expression to canonical text. `column_type`, when given, is the type of
// the column a default belongs to: a cast of a literal to exactly that type is
// redundant (the engine adds it when it stores the default) and is removed.
[[nodiscard]] model::Expression deparse_expression(Node* expr, const NameContext& ctx,
                                                   const model::TypeRef* column_type = nullptr);
// The deparser's text for simple expressions, computed directly (nullopt otherwise).
[[nodiscard]] std::optional<std::string> format_simple_expression(const Node* expr);
// Deparse an expression with libpg_query's deparser only (no fast path, no edits).
[[nodiscard]] std::string deparse_expression_slow(Node* expr);
// Deparse a whole statement node (a SELECT for views, or any statement kept verbatim).
[[nodiscard]] model::Expression deparse_statement(Node* stmt, const NameContext& ctx, bool qualify_relations);
// The relations and functions a tree reads (no text): an SQL-standard routine body's
// dependencies.
[[nodiscard]] model::Expression references_of(Node* node, const NameContext& ctx);
// Deparse without any canonicalizing edits (for opaque statements).
[[nodiscard]] std::string deparse_raw(Node* stmt);

// PostgreSQL's identifier quoting (quote_identifier in ruleutils.c).
[[nodiscard]] std::string quote_ident(std::string_view name);
[[nodiscard]] std::string quote_qualified(const model::QualifiedName& name);

// PostgreSQL's makeObjectName (src/backend/commands/indexcmds.c): name1_name2_label,
// truncated to NAMEDATALEN-1 bytes by shortening the longer of name1/name2.
[[nodiscard]] std::string make_object_name(std::string_view name1, std::string_view name2, std::string_view label);

}  // namespace schemerge::parser::postgres
