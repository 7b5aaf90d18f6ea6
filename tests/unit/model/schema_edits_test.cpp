// model/schema_edits: renames carry every reference along, drops take what CASCADE takes,
// and edits that cannot apply say why (EditError). Models are built with the model builder.
#include <gtest/gtest.h>

#include "model/schema_edits.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "support/model_builder.hpp"

namespace schemerge::model {
namespace {

using test::ModelBuilder;

ModelBuilder pg() { return ModelBuilder(parser::postgres::traits()); }

QualifiedName pub(const std::string& name) { return {"public", name}; }

// customers <- orders (FK), an index, a trigger with UPDATE OF, a policy, an owned
// sequence, a view reading orders, a partition of orders.
Schema shop() {
    ModelBuilder b = pg();
    b.table("customers").column("id", "integer").primary_key({"id"}).column("email", "text").unique({"email"});
    b.table("orders")
        .column("id", "integer")
        .primary_key({"id"})
        .column("customer_id", "integer")
        .column("note", "text")
        .foreign_key({"customer_id"}, "customers", {"id"});
    b.index("orders_customer_idx", "orders", {"customer_id"});
    b.index("customers_email_idx", "customers", {"email"});
    b.sequence("orders_id_seq", "orders", "id");
    b.function("touch", {}, "trigger", "BEGIN RETURN NEW; END", "plpgsql");
    b.trigger("orders_touch", "orders", "touch", {"note", "customer_id"});
    b.view("order_notes", "SELECT id, note FROM orders", {"orders"});
    b.view("recent_notes", "SELECT id FROM order_notes", {"order_notes"});
    Schema s = b.build();
    Policy p;
    p.name = "own";
    p.table = pub("orders");
    s.policies[{p.table, p.name}] = p;
    return s;
}

TEST(SchemaEdits, ObjectKindOfRoutines) {
    EXPECT_EQ(object_kind(RoutineKind::function), ObjectKind::function);
    EXPECT_EQ(object_kind(RoutineKind::procedure), ObjectKind::procedure);
    EXPECT_EQ(object_kind(RoutineKind::aggregate), ObjectKind::aggregate);
}

TEST(SchemaEdits, RenameTableCarriesEveryReference) {
    Schema s = shop();
    rename_table(s, pub("orders"), pub("purchases"));
    ASSERT_TRUE(s.tables.contains(pub("purchases")));
    EXPECT_FALSE(s.tables.contains(pub("orders")));
    EXPECT_EQ(s.tables.at(pub("purchases")).name, pub("purchases"));
    EXPECT_EQ(s.indexes.at(pub("orders_customer_idx")).table, pub("purchases"));
    EXPECT_EQ(s.sequences.at(pub("orders_id_seq")).owned_by->table, pub("purchases"));
    ASSERT_TRUE(s.triggers.contains({pub("purchases"), "orders_touch"}));
    EXPECT_EQ(s.triggers.at({pub("purchases"), "orders_touch"}).table, pub("purchases"));
    ASSERT_TRUE(s.policies.contains({pub("purchases"), "own"}));
    EXPECT_EQ(s.views.at(pub("order_notes")).query.relations, (std::vector<QualifiedName>{pub("purchases")}));
    // Constraint names stay (the engine does not rename them).
    EXPECT_NE(s.tables.at(pub("purchases")).find_constraint("orders_pkey"), nullptr);
}

TEST(SchemaEdits, RenameReferencedTableUpdatesForeignKeys) {
    Schema s = shop();
    rename_table(s, pub("customers"), {"public", "clients"});
    EXPECT_EQ(s.tables.at(pub("orders")).find_constraint("orders_customer_id_fkey")->ref_table, pub("clients"));
    EXPECT_EQ(s.indexes.at(pub("customers_email_idx")).table, pub("clients"));
}

TEST(SchemaEdits, RenameToAnExistingNameIsAnError) {
    Schema s = shop();
    Schema before = s;
    try {
        rename_table(s, pub("orders"), pub("customers"));
        FAIL() << "renamed onto an existing table";
    } catch (const EditError& e) {
        EXPECT_EQ(e.reason, EditError::Reason::already_exists);
        EXPECT_EQ(e.object.to_string(), "table public.customers");
        EXPECT_STREQ(e.what(), "table public.customers already exists");
    }
    // PostgreSQL keeps tables, views and indexes in one namespace: an index's name is taken.
    EXPECT_THROW(rename_table(s, pub("orders"), pub("orders_customer_idx")), EditError);
    EXPECT_THROW(rename_relation(s, pub("order_notes"), pub("customers")), EditError);
    // The merge only minds objects of the same kind.
    Schema merge_side = shop();
    rename_table(merge_side, pub("orders"), pub("orders_customer_idx"), NameCollisions::same_kind);
    EXPECT_TRUE(merge_side.tables.contains(pub("orders_customer_idx")));
    // Renaming onto itself is renaming onto an existing name.
    EXPECT_THROW(rename_table(s, pub("orders"), pub("orders")), EditError);
    EXPECT_EQ(s, before);
}

TEST(SchemaEdits, RenameMissingObjectIsAnError) {
    Schema s = shop();
    try {
        rename_table(s, pub("nope"), pub("x"));
        FAIL();
    } catch (const EditError& e) {
        EXPECT_EQ(e.reason, EditError::Reason::not_found);
        EXPECT_STREQ(e.what(), "table public.nope does not exist");
    }
    EXPECT_THROW(rename_table(s, pub("order_notes"), pub("x")), EditError) << "a view is not a table";
    EXPECT_THROW(rename_column(s, pub("orders"), "nope", "x"), EditError);
    EXPECT_THROW(rename_column(s, pub("nope"), "id", "x"), EditError);
    EXPECT_THROW(rename_index(s, pub("nope"), "x"), EditError);
    EXPECT_THROW(rename_constraint(s, pub("orders"), "nope", "x"), EditError);
    EXPECT_THROW(rename_trigger(s, pub("orders"), "nope", "x"), EditError);
    EXPECT_THROW(rename_type(s, pub("nope"), "x"), EditError);
    EXPECT_THROW(rename_routine(s, {pub("nope"), ""}, "x"), EditError);
}

TEST(SchemaEdits, RenameRelationMovesViewsSequencesAndIndexes) {
    Schema s = shop();
    EXPECT_EQ(rename_relation(s, pub("order_notes"), pub("notes")), ObjectKind::view);
    EXPECT_EQ(s.views.at(pub("recent_notes")).query.relations, (std::vector<QualifiedName>{pub("notes")}));
    EXPECT_EQ(rename_relation(s, pub("orders_id_seq"), {"public", "ids"}), ObjectKind::sequence);
    EXPECT_TRUE(s.sequences.contains(pub("ids")));
    // To another schema (ALTER ... SET SCHEMA).
    EXPECT_EQ(rename_relation(s, pub("customers"), {"archive", "customers"}), ObjectKind::table);
    EXPECT_EQ(s.tables.at(pub("orders")).find_constraint("orders_customer_id_fkey")->ref_table,
              (QualifiedName{"archive", "customers"}));
}

TEST(SchemaEdits, RenameColumnCarriesKeysIndexesTriggersAndSequences) {
    Schema s = shop();
    rename_column(s, pub("orders"), "customer_id", "client_id");
    const Table& orders = s.tables.at(pub("orders"));
    EXPECT_NE(orders.find_column("client_id"), nullptr);
    EXPECT_EQ(orders.find_constraint("orders_customer_id_fkey")->columns, (std::vector<std::string>{"client_id"}));
    EXPECT_EQ(s.indexes.at(pub("orders_customer_idx")).elements[0].column, "client_id");
    EXPECT_EQ(s.triggers.at({pub("orders"), "orders_touch"}).events.update_columns,
              (std::vector<std::string>{"note", "client_id"}));
    // The referenced side: foreign keys pointing at the column follow.
    rename_column(s, pub("customers"), "id", "customer_no");
    EXPECT_EQ(s.tables.at(pub("orders")).find_constraint("orders_customer_id_fkey")->ref_columns,
              (std::vector<std::string>{"customer_no"}));
    EXPECT_EQ(s.tables.at(pub("customers")).find_constraint("customers_pkey")->columns,
              (std::vector<std::string>{"customer_no"}));
    rename_column(s, pub("orders"), "id", "order_id");
    EXPECT_EQ(s.sequences.at(pub("orders_id_seq")).owned_by->column, "order_id");
    try {
        rename_column(s, pub("orders"), "note", "order_id");
        FAIL();
    } catch (const EditError& e) {
        EXPECT_EQ(e.reason, EditError::Reason::already_exists);
        EXPECT_EQ(e.object.to_string(), "column public.orders.order_id");
    }
}

TEST(SchemaEdits, RenameIndexFollowsClusterOn) {
    namespace attr = parser::postgres::attr;
    Schema s = shop();
    s.tables.at(pub("orders")).meta.attributes.set(attr::cluster_on, std::string("orders_customer_idx"));
    s.tables.at(pub("orders")).meta.attributes.set(attr::replica_identity, std::string("USING INDEX orders_customer_idx"));
    rename_index(s, pub("orders_customer_idx"), "by_customer");
    EXPECT_TRUE(s.indexes.contains(pub("by_customer")));
    EXPECT_EQ(s.indexes.at(pub("by_customer")).name, pub("by_customer"));
    // Attribute rows naming an index (AttributeDef::rename_index) follow it.
    EXPECT_EQ(s.tables.at(pub("orders")).meta.attributes.text(attr::cluster_on), "by_customer");
    EXPECT_EQ(s.tables.at(pub("orders")).meta.attributes.text(attr::replica_identity), "USING INDEX by_customer");
    EXPECT_THROW(rename_index(s, pub("by_customer"), "customers_email_idx"), EditError);
    EXPECT_THROW(rename_index(s, pub("by_customer"), "orders"), EditError) << "PostgreSQL: one relation namespace";
}

TEST(SchemaEdits, RenameConstraintKeepsThemSorted) {
    Schema s = shop();
    rename_constraint(s, pub("orders"), "orders_pkey", "a_pkey");
    const Table& orders = s.tables.at(pub("orders"));
    ASSERT_EQ(orders.constraints.size(), 2U);
    EXPECT_EQ(orders.constraints[0].name, "a_pkey");
    EXPECT_EQ(orders.constraints[1].name, "orders_customer_id_fkey");
    EXPECT_THROW(rename_constraint(s, pub("orders"), "a_pkey", "orders_customer_id_fkey"), EditError);
}

TEST(SchemaEdits, RenameTriggerAndPolicy) {
    Schema s = shop();
    rename_trigger(s, pub("orders"), "orders_touch", "touch_orders");
    ASSERT_TRUE(s.triggers.contains({pub("orders"), "touch_orders"}));
    EXPECT_EQ(s.triggers.at({pub("orders"), "touch_orders"}).name, "touch_orders");
    rename_policy(s, pub("orders"), "own", "mine");
    EXPECT_TRUE(s.policies.contains({pub("orders"), "mine"}));
    EXPECT_THROW(rename_policy(s, pub("orders"), "mine", "mine"), EditError);
}

TEST(SchemaEdits, RenameTypeFollowsColumnsAndSignatures) {
    Schema s = pg()
                   .enum_type("mood", {"ok", "sad"})
                   .table("people").column("mood", "mood")
                   .function("cheer", {"mood"}, "mood", "SELECT 'ok'::mood")
                   .build();
    rename_type(s, pub("mood"), "feeling");
    EXPECT_TRUE(s.types.contains(pub("feeling")));
    EXPECT_EQ(s.tables.at(pub("people")).columns[0].type.name, pub("feeling"));
    ASSERT_TRUE(s.functions.contains({pub("cheer"), "public.feeling"}));
    EXPECT_EQ(s.functions.at({pub("cheer"), "public.feeling"}).returns->name, pub("feeling"));
}

TEST(SchemaEdits, RenameRoutineKeepsItsSignature) {
    Schema s = pg().function("f", {"integer"}, "integer", "SELECT 1").function("g", {"integer"}, "integer", "SELECT 2").build();
    rename_routine(s, {pub("f"), "integer"}, "h");
    EXPECT_TRUE(s.functions.contains({pub("h"), "integer"}));
    EXPECT_EQ(s.functions.at({pub("h"), "integer"}).name, pub("h"));
    EXPECT_THROW(rename_routine(s, {pub("h"), "integer"}, "g"), EditError);
}

TEST(SchemaEdits, DropWithoutCascadeRefusesDependents) {
    Schema s = shop();
    try {
        drop_relation(s, pub("customers"), DropBehavior::restrict);
        FAIL();
    } catch (const EditError& e) {
        EXPECT_EQ(e.reason, EditError::Reason::has_dependents);
        EXPECT_EQ(e.dependent, "constraint orders_customer_id_fkey on table public.orders");
    }
    EXPECT_EQ(relation_dependents(s, pub("orders")), (std::vector<std::string>{"view public.order_notes"}));
    EXPECT_THROW(drop_relation(s, pub("order_notes"), DropBehavior::restrict), EditError);
    EXPECT_EQ(s, shop());
}

TEST(SchemaEdits, DropCascadeReturnsWhatWasDropped) {
    Schema s = shop();
    std::vector<ObjectKey> dropped = drop_relation(s, pub("orders"), DropBehavior::cascade);
    std::vector<std::string> names;
    for (const auto& k : dropped) {
        names.push_back(k.to_string());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"table public.orders", "view public.order_notes", "view public.recent_notes",
                                               "index public.orders_customer_idx", "trigger public.orders.orders_touch",
                                               "policy public.orders.own", "sequence public.orders_id_seq"}));
    EXPECT_FALSE(s.tables.contains(pub("orders")));
    EXPECT_TRUE(s.views.empty());
    EXPECT_TRUE(s.triggers.empty());
    EXPECT_TRUE(s.indexes.contains(pub("customers_email_idx")));
    // Dropping the referenced table drops the foreign keys to it, not the referencing table.
    Schema t = shop();
    dropped = drop_relation(t, pub("customers"), DropBehavior::cascade);
    ASSERT_GE(dropped.size(), 2U);
    EXPECT_EQ(dropped[1].to_string(), "constraint public.orders.orders_customer_id_fkey");
    EXPECT_EQ(t.tables.at(pub("orders")).find_constraint("orders_customer_id_fkey"), nullptr);
    EXPECT_THROW(drop_relation(t, pub("customers"), DropBehavior::cascade), EditError) << "already dropped";
}

TEST(SchemaEdits, DropPartitionedTableTakesItsPartitions) {
    Schema s = pg().table("m").column("at", "date").table("m_2024").column("at", "date").build();
    s.tables.at(pub("m")).partition_strategy = PartitionStrategy::range;
    s.tables.at(pub("m_2024")).partition_of = pub("m");
    auto dropped = drop_relation(s, pub("m"), DropBehavior::restrict);
    EXPECT_EQ(dropped.size(), 2U);
    EXPECT_TRUE(s.tables.empty());
}

TEST(SchemaEdits, DropRoutine) {
    Schema s = shop();
    EXPECT_THROW(drop_routine(s, {pub("touch"), ""}, DropBehavior::restrict), EditError) << "a trigger calls it";
    auto dropped = drop_routine(s, {pub("touch"), ""}, DropBehavior::cascade);
    ASSERT_EQ(dropped.size(), 2U);
    EXPECT_EQ(dropped[0].to_string(), "function public.touch()");
    EXPECT_EQ(dropped[1].to_string(), "trigger public.orders.orders_touch");
    EXPECT_TRUE(s.functions.empty());
}

TEST(SchemaEdits, DropNamespace) {
    Schema s = pg().namespace_("app").table("app.t").column("a", "integer").enum_type("app.e", {"x"})
                   .table("u").column("a", "integer").build();
    EXPECT_THROW(drop_namespace(s, "app", DropBehavior::restrict), EditError) << "it holds a table";
    auto dropped = drop_namespace(s, "app", DropBehavior::cascade);
    EXPECT_EQ(dropped.size(), 3U);
    EXPECT_TRUE(s.namespaces.empty());
    EXPECT_EQ(s.tables.size(), 1U);
    EXPECT_TRUE(s.types.empty());
    EXPECT_THROW(drop_namespace(s, "nope", DropBehavior::cascade), EditError);
    // The default schema exists without being declared.
    EXPECT_NO_THROW(drop_namespace(s, "public", DropBehavior::cascade));
    EXPECT_TRUE(s.tables.empty());
}

}  // namespace
}  // namespace schemerge::model
