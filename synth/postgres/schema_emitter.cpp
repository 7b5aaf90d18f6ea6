#include "synth/postgres/schema_emitter.hpp"

#include <map>
#include <optional>

#include <fmt/format.h>

#include "model/dependency_graph.hpp"
#include "synth/postgres/object_ddl.hpp"
#include "synth/postgres/sql_format.hpp"
#include "synth/topological_sort.hpp"

namespace schemerge::synth::postgres {

namespace {

using model::DependencyKind;
using model::ObjectKey;
using model::ObjectKind;

// Tie-break order of the topological sort (synth/topological_sort.hpp: among the items
// whose needs are met, the smallest (rank, schema, name, detail) goes first; on a cycle
// the smallest remaining item is emitted anyway so the dump is complete), in pg_dump's
// spirit: pre-data definitions, then post-data objects that need populated tables,
// then the statements the model keeps verbatim. Dependencies always win over rank.
enum Rank : int {
    k_schema = 0,
    k_extension,
    k_collation,
    k_shell_type,
    k_type,
    k_text_search_dictionary,
    k_text_search_configuration,
    k_function,
    k_aggregate,
    k_operator,
    k_operator_family,
    k_operator_class,
    k_sequence,
    k_table,
    k_sequence_owned_by,
    k_column_extras,
    k_attach_partition,
    k_view,
    k_materialized_view,
    // post-data
    k_key_constraint = 100,
    k_check_not_valid,
    k_index,
    k_index_attach,
    k_foreign_key,
    k_trigger,
    k_row_security,
    k_replica_identity,
    k_policy,
    k_opaque = 200,
    // Last, as pg_dump does: the objects above must not pick them up when the dump is run.
    k_default_privileges = 300,
};

// One statement group of the dump; its rank, key and needs are the node of the same
// index in the neutral sort (synth/topological_sort.hpp).
struct Item {
    std::vector<std::string> statements;
};

bool is_routine(ObjectKind kind) {
    return kind == ObjectKind::function || kind == ObjectKind::procedure || kind == ObjectKind::aggregate ||
           kind == ObjectKind::operator_ || model::is_opclass_kind(kind);
}

class Planner {
public:
    Planner(const model::Schema& schema, const EmitOptions& options) : schema_(schema), options_(options) {}

    std::string run() {
        collect();
        wire();
        std::string out = "-- schemerge dump (canonical schema)\n\nSET check_function_bodies = false;\n";
        std::vector<std::size_t> sequence = topological_sort(nodes_).sequence;
        // Size the script once and release each statement as it is copied: a large
        // schema's text would otherwise be held two or three times at the peak.
        std::size_t total = out.size();
        for (const auto& item : items_) {
            for (const auto& statement : item.statements) {
                total += statement.size() + 3;
            }
        }
        out.reserve(total);
        for (std::size_t index : sequence) {
            for (auto& statement : items_[index].statements) {
                out += '\n';
                out += statement;
                out += ";\n";
                std::string().swap(statement);
            }
        }
        return out;
    }

private:
    // `detail`: table-scoped name, routine arguments, or a sequence number. Ties sort by
    // (rank, schema, name, detail), the key's fields in that order.
    std::size_t add(Rank rank, std::string schema, std::string name, std::string detail,
                    std::vector<std::string> statements) {
        OrderNode node;
        node.rank = rank;
        node.key.schema = std::move(schema);
        node.key.name = std::move(name);
        node.key.table = std::move(detail);
        nodes_.push_back(std::move(node));
        Item item;
        item.statements = std::move(statements);
        items_.push_back(std::move(item));
        return items_.size() - 1;
    }
    void provide(const ObjectKey& key, std::size_t item) { provider_[key] = item; }
    void need(std::size_t item, std::size_t needed) {
        if (item != needed) {
            nodes_[item].needs.insert(needed);
        }
    }
    void need_key(std::size_t item, const ObjectKey& key) {
        if (auto it = provider_.find(key); it != provider_.end()) {
            need(item, it->second);
        }
    }
    void meta(std::vector<std::string>& out, const model::ObjectBase& base, const std::string& comment_target,
              const std::string& owner_target) {
        append_metadata(out, base, comment_target, owner_target, options_);
    }

    void collect() {
        for (const auto& [name, ns] : schema_.namespaces) {
            std::vector<std::string> sql;
            // "public" exists in every database; only its metadata is ours to set.
            if (name != "public") {
                sql.push_back(create_schema(ns));
            }
            std::string target = "SCHEMA " + quote_identifier(name);
            meta(sql, ns.meta, target, target);
            if (!sql.empty()) {
                provide(model::schema_key(name), add(k_schema, "", name, "", std::move(sql)));
            }
        }
        for (const auto& [name, extension] : schema_.extensions) {
            std::vector<std::string> sql{create_extension(extension)};
            meta(sql, extension.meta, "EXTENSION " + quote_identifier(name), "");
            ObjectKey key;
            key.kind = ObjectKind::extension;
            key.name = name;
            provide(key, add(k_extension, "", name, "", std::move(sql)));
        }
        for (const auto& [name, collation] : schema_.collations) {
            std::vector<std::string> sql{create_collation(collation)};
            std::string target = "COLLATION " + format_name(name);
            meta(sql, collation.meta, target, target);
            provide(model::object_key(ObjectKind::collation, name),
                    add(k_collation, name.schema, name.name, "", std::move(sql)));
        }
        for (const auto& [name, type] : schema_.types) {
            std::vector<std::string> sql = create_type(type);
            std::string target = type_keyword(type) + " " + format_name(name);
            meta(sql, type.meta, target, target);
            ObjectKey key = model::object_key(ObjectKind::type, name);
            provide(key, add(k_type, name.schema, name.name, "", std::move(sql)));
            if (type.kind == model::TypeKind::base) {
                // Like pg_dump: a shell type first, so the I/O functions can be
                // declared before the type that names them.
                shell_types_[key] =
                    add(k_shell_type, name.schema, name.name, "", {create_shell_type(name)});
                need(provider_[key], shell_types_[key]);
            }
        }
        for (const auto& [name, dictionary] : schema_.text_search_dictionaries) {
            std::vector<std::string> sql{create_text_search_dictionary(dictionary)};
            std::string target = "TEXT SEARCH DICTIONARY " + format_name(name);
            meta(sql, dictionary.meta, target, target);
            provide(model::object_key(ObjectKind::text_search_dictionary, name),
                    add(k_text_search_dictionary, name.schema, name.name, "", std::move(sql)));
        }
        for (const auto& [name, config] : schema_.text_search_configurations) {
            std::vector<std::string> sql = create_text_search_configuration(config);
            std::string target = "TEXT SEARCH CONFIGURATION " + format_name(name);
            meta(sql, config.meta, target, target);
            provide(model::object_key(ObjectKind::text_search_configuration, name),
                    add(k_text_search_configuration, name.schema, name.name, "", std::move(sql)));
        }
        for (const auto& [id, function] : schema_.functions) {
            std::vector<std::string> sql = create_routine_statements(function);
            std::string target = routine_target(function);
            meta(sql, function.meta, target, target);
            Rank rank = function.kind == model::RoutineKind::aggregate         ? k_aggregate
                        : function.kind == model::RoutineKind::operator_       ? k_operator
                        : function.kind == model::RoutineKind::operator_family ? k_operator_family
                        : function.kind == model::RoutineKind::operator_class  ? k_operator_class
                                                                               : k_function;
            provide(model::object_key(model::object_kind(function.kind), id.name, id.args),
                    add(rank, id.name.schema, id.name.name, id.args, std::move(sql)));
        }
        for (const auto& [name, sequence] : schema_.sequences) {
            if (is_identity_sequence(sequence)) {
                // Created by its column's GENERATED ... AS IDENTITY clause.
                identity_sequences_.emplace(model::object_key(ObjectKind::sequence, name),
                                            model::object_key(ObjectKind::table, sequence.owned_by->table));
                continue;
            }
            std::vector<std::string> sql{create_sequence(sequence)};
            std::string target = "SEQUENCE " + format_name(name);
            meta(sql, sequence.meta, target, target);
            ObjectKey key = model::object_key(ObjectKind::sequence, name);
            std::size_t item = add(k_sequence, name.schema, name.name, "", std::move(sql));
            provide(key, item);
            if (sequence.owned_by) {
                owned_by_[key] = add(k_sequence_owned_by, name.schema, name.name, "", {sequence_owned_by(sequence)});
                need(owned_by_[key], item);
            }
        }
        for (const auto& [name, table] : schema_.tables) {
            collect_table(table);
        }
        for (const auto& [name, view] : schema_.views) {
            std::vector<std::string> sql{create_view(view)};
            for (auto& extra : view_column_extras(view)) {
                sql.push_back(std::move(extra));
            }
            std::string keyword = view.materialized ? "MATERIALIZED VIEW " : "VIEW ";
            std::string target = keyword + format_name(name);
            meta(sql, view.meta, target, target);
            for (const auto& column : view.column_details) {
                meta(sql, column.meta, "COLUMN " + format_name(name) + "." + quote_identifier(column.name), "");
            }
            ObjectKind kind = view.materialized ? ObjectKind::materialized_view : ObjectKind::view;
            provide(model::object_key(kind, name), add(view.materialized ? k_materialized_view : k_view, name.schema,
                                                       name.name, "", std::move(sql)));
        }
        for (const auto& [name, index] : schema_.indexes) {
            std::vector<std::string> sql{create_index(index)};
            for (auto& statement : index_column_statistics(index, nullptr)) {
                sql.push_back(std::move(statement));
            }
            meta(sql, index.meta, "INDEX " + format_name(name), "");
            ObjectKey key = model::object_key(ObjectKind::index, name);
            std::size_t item = add(k_index, name.schema, name.name, "", std::move(sql));
            provide(key, item);
            if (index.attached_to) {
                index_attach_[key] = add(k_index_attach, name.schema, name.name, "", {attach_index(index)});
                need(index_attach_[key], item);
            }
        }
        for (const auto& [id, trigger] : schema_.triggers) {
            std::vector<std::string> sql{create_trigger(trigger)};
            if (auto state = trigger_enable_state(trigger); !state.empty()) {
                sql.push_back(std::move(state));
            }
            meta(sql, trigger.meta,
                 "TRIGGER " + quote_identifier(trigger.name) + " ON " + format_name(trigger.table), "");
            provide(model::table_scoped_key(ObjectKind::trigger, id.table, id.name),
                    add(k_trigger, id.table.schema, id.table.name, id.name, std::move(sql)));
        }
        for (const auto& [id, policy] : schema_.policies) {
            std::vector<std::string> sql{create_policy(policy)};
            meta(sql, policy.meta, "POLICY " + quote_identifier(policy.name) + " ON " + format_name(policy.table),
                 "");
            provide(model::table_scoped_key(ObjectKind::policy, id.table, id.name),
                    add(k_policy, id.table.schema, id.table.name, id.name, std::move(sql)));
        }
        for (std::size_t i = 0; i < schema_.opaque.size(); ++i) {
            std::vector<std::string> sql{schema_.opaque[i].sql};
            meta(sql, schema_.opaque[i].meta, "", "");
            add(k_opaque, "", "", fmt::format("{:08}", i), std::move(sql));
        }
        if (options_.privileges) {
            for (const auto& [key, entry] : schema_.default_privileges) {
                std::vector<std::string> sql = default_privilege_statements(
                    key, model::default_privileges_start(*schema_.dialect, key), entry.meta.acl);
                if (sql.empty()) {
                    continue;
                }
                std::size_t item = add(k_default_privileges, key.schema, key.role,
                                       std::string(model::objects_word(key.objects)), std::move(sql));
                if (!key.schema.empty()) {
                    need_key(item, model::schema_key(key.schema));
                }
            }
        }
    }

    bool is_identity_sequence(const model::Sequence& sequence) const {
        if (!sequence.owned_by) {
            return false;
        }
        auto table = schema_.tables.find(sequence.owned_by->table);
        if (table == schema_.tables.end()) {
            return false;
        }
        const auto* column = table->second.find_column(sequence.owned_by->column);
        return column != nullptr && column->identity != model::IdentityKind::none;
    }

    void collect_table(const model::Table& table) {
        const auto& name = table.name;
        ObjectKey key = model::object_key(ObjectKind::table, name);
        std::vector<std::string> sql{create_table(schema_, table)};
        std::string target = "TABLE " + format_name(name);
        meta(sql, table.meta, target, target);
        for (const auto& column : table.columns) {
            meta(sql, column.meta, "COLUMN " + format_name(name) + "." + quote_identifier(column.name), "");
        }
        std::size_t item = add(k_table, name.schema, name.name, "", std::move(sql));
        provide(key, item);
        if (uses_attach_partition(table)) {
            std::size_t attach = add(k_attach_partition, name.schema, name.name, "", {attach_partition(table)});
            need(attach, item);
            attach_[key] = attach;
        }
        if (table.partition_of) {
            partitions_[*table.partition_of].push_back(name);
        }
        auto extras = column_extras(table);
        for (auto& statement : inherited_column_extras(schema_, table)) {
            extras.push_back(std::move(statement));
        }
        if (!extras.empty()) {
            need(add(k_column_extras, name.schema, name.name, "", std::move(extras)), item);
        }
        for (const auto& constraint : table.constraints) {
            ObjectKey con = model::table_scoped_key(ObjectKind::constraint, name, constraint.name);
            auto placement = constraint_placement(schema_, table, constraint);
            if (placement != ConstraintPlacement::separate) {
                std::vector<std::string> comment;
                meta(comment, constraint.meta,
                     "CONSTRAINT " + quote_identifier(constraint.name) + " ON " + format_name(name), "");
                if (placement == ConstraintPlacement::inline_check) {
                    items_[item].statements.insert(items_[item].statements.end(), comment.begin(), comment.end());
                }
                provide(con, item);
                continue;
            }
            std::vector<std::string> con_sql{add_constraint(table, constraint)};
            meta(con_sql, constraint.meta,
                 "CONSTRAINT " + quote_identifier(constraint.name) + " ON " + format_name(name), "");
            Rank rank = constraint.kind == model::ConstraintKind::foreign_key ? k_foreign_key
                        : constraint.kind == model::ConstraintKind::check    ? k_check_not_valid
                                                                             : k_key_constraint;
            std::size_t con_item = add(rank, name.schema, name.name, constraint.name, std::move(con_sql));
            provide(con, con_item);
            need(con_item, item);
            post_data_by_table_[name].push_back(con_item);
        }
        std::vector<std::string> late = table_security(table);
        if (!late.empty()) {
            need(add(k_row_security, name.schema, name.name, "", std::move(late)), item);
        }
        if (auto identity = replica_identity(table); !identity.empty()) {
            std::size_t ri = add(k_replica_identity, name.schema, name.name, "", {identity});
            need(ri, item);
            replica_identity_[ri] = &table;
        }
    }

    // Turns object-level dependencies into item-level ones.
    void wire() {
        for (const auto& [sequence, table] : identity_sequences_) {
            if (auto it = provider_.find(table); it != provider_.end()) {
                provider_[sequence] = it->second;
            }
        }
        std::optional<model::DependencyGraph> own;
        if (options_.graph == nullptr) {
            own.emplace(model::DependencyGraph::build(schema_));
        }
        const model::DependencyGraph& graph = options_.graph != nullptr ? *options_.graph : *own;
        graph.for_each_edge([&](const ObjectKey& edge_from, const ObjectKey& edge_to, DependencyKind edge_kind) {
            struct {
                const ObjectKey& from;
                const ObjectKey& to;
                DependencyKind kind;
            } edge{edge_from, edge_to, edge_kind};
            auto to_it = provider_.find(edge.to);
            if (to_it == provider_.end()) {
                return;
            }
            std::size_t to = to_it->second;
            // A routine's signature needs only the shell of a base type.
            if (is_routine(edge.from.kind)) {
                if (auto shell = shell_types_.find(edge.to); shell != shell_types_.end()) {
                    to = shell->second;
                }
            }
            std::optional<std::size_t> from;
            switch (edge.kind) {
                case DependencyKind::owned_by:
                    if (auto it = owned_by_.find(edge.from); it != owned_by_.end()) {
                        from = it->second;
                    }
                    break;
                case DependencyKind::partition_of:
                    if (auto it = attach_.find(edge.from); it != attach_.end()) {
                        from = it->second;
                    } else if (auto p = provider_.find(edge.from); p != provider_.end()) {
                        from = p->second;  // CREATE TABLE ... PARTITION OF
                    }
                    break;
                case DependencyKind::index_attach:
                    if (auto it = index_attach_.find(edge.from); it != index_attach_.end()) {
                        from = it->second;
                    }
                    break;
                case DependencyKind::normal:
                    if (auto p = provider_.find(edge.from); p != provider_.end()) {
                        from = p->second;
                    } else if (edge.from.kind == ObjectKind::column) {
                        // A column is created by its table's statement.
                        auto table = provider_.find(model::object_key(ObjectKind::table, {edge.from.schema, edge.from.table}));
                        if (table != provider_.end()) {
                            from = table->second;
                        }
                    }
                    break;
            }
            if (from) {
                need(*from, to);
            }
        });
        // Indexes are post-data of their table too.
        for (const auto& [name, index] : schema_.indexes) {
            post_data_by_table_[index.table].push_back(provider_[model::object_key(ObjectKind::index, name)]);
        }
        // A partitioned table's keys, indexes and foreign keys recurse into its
        // partitions and adopt matching ones that already exist; so create the
        // partitions' own first, after the partitions are attached.
        for (const auto& [parent, children] : partitions_) {
            for (std::size_t parent_item : post_data_by_table_[parent]) {
                for (const auto& child : children) {
                    ObjectKey child_key = model::object_key(ObjectKind::table, child);
                    if (auto attach = attach_.find(child_key); attach != attach_.end()) {
                        need(parent_item, attach->second);
                    } else {
                        need_key(parent_item, child_key);
                    }
                    for (std::size_t child_item : post_data_by_table_[child]) {
                        if (nodes_[child_item].rank == nodes_[parent_item].rank) {
                            need(parent_item, child_item);
                        }
                    }
                }
            }
        }
        // REPLICA IDENTITY USING INDEX needs that index or constraint.
        for (const auto& [item, table] : replica_identity_) {
            std::string index_name = replica_identity_index(*table);
            if (index_name.empty()) {
                continue;
            }
            need_key(item, model::object_key(ObjectKind::index, {table->name.schema, index_name}));
            need_key(item, model::table_scoped_key(ObjectKind::constraint, table->name, index_name));
        }
    }

    const model::Schema& schema_;
    const EmitOptions& options_;
    std::vector<Item> items_;
    std::vector<OrderNode> nodes_;  // nodes_[i]: rank, key and needs of items_[i]
    std::map<ObjectKey, std::size_t> provider_;
    std::map<ObjectKey, std::size_t> shell_types_;
    std::map<ObjectKey, std::size_t> owned_by_;
    std::map<ObjectKey, ObjectKey> identity_sequences_;  // sequence -> table whose identity column makes it
    std::map<ObjectKey, std::size_t> attach_;
    std::map<ObjectKey, std::size_t> index_attach_;
    std::map<model::QualifiedName, std::vector<model::QualifiedName>> partitions_;
    std::map<model::QualifiedName, std::vector<std::size_t>> post_data_by_table_;
    std::map<std::size_t, const model::Table*> replica_identity_;
};

}  // namespace

std::string emit_schema(const model::Schema& schema, const EmitOptions& options) {
    return Planner(schema, options).run();
}

}  // namespace schemerge::synth::postgres
