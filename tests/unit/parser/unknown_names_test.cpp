// Names the input does not define are resolved through the search path in force at
// their statement, or kept as written: never given a guessed schema.
#include <string>

#include <gtest/gtest.h>

#include "support/load.hpp"

namespace schemerge::test {
namespace {

using namespace schemerge::model;

TEST(UnknownNames, CollationNotDefinedInInputKeptAsWritten) {
    auto s = schema_of(
        "CREATE SCHEMA musicbrainz;\n"
        "SET search_path = musicbrainz, public;\n"
        "CREATE TABLE artist (name text COLLATE musicbrainz, sort_name text COLLATE \"C\","
        " loc text COLLATE \"en_US\", icu text COLLATE \"und-x-icu\");\n"
        "CREATE INDEX artist_name ON artist (name COLLATE musicbrainz);\n");
    const Table& t = s.tables.at({"musicbrainz", "artist"});
    EXPECT_EQ(*t.columns[0].collation, (QualifiedName{"", "musicbrainz"}));
    EXPECT_EQ(*t.columns[1].collation, (QualifiedName{"pg_catalog", "C"}));
    EXPECT_EQ(*t.columns[2].collation, (QualifiedName{"pg_catalog", "en_US"}));
    EXPECT_EQ(*t.columns[3].collation, (QualifiedName{"pg_catalog", "und-x-icu"}));
    EXPECT_EQ(*s.indexes.at({"musicbrainz", "artist_name"}).elements.at(0).collation, (QualifiedName{"", "musicbrainz"}));
    std::string out = synth::postgres::emit_schema(s);
    EXPECT_NE(out.find("name text COLLATE musicbrainz"), std::string::npos) << out;
    EXPECT_EQ(out.find("pg_catalog.musicbrainz"), std::string::npos) << out;
}

TEST(UnknownNames, CollationDefinedLaterOnThePath) {
    auto s = schema_of(
        "CREATE SCHEMA musicbrainz;\n"
        "CREATE COLLATION public.musicbrainz (provider = icu, locale = 'und');\n"
        "SET search_path = musicbrainz, public;\n"
        "CREATE TABLE artist (name text COLLATE musicbrainz);\n"
        "CREATE TYPE pair AS (a text COLLATE musicbrainz);\n"
        "CREATE DOMAIN label AS text COLLATE musicbrainz;\n");
    EXPECT_EQ(*s.tables.at({"musicbrainz", "artist"}).columns[0].collation, pub("musicbrainz"));
    EXPECT_EQ(*s.types.at({"musicbrainz", "pair"}).attributes.at(0).collation, pub("musicbrainz"));
    EXPECT_EQ(*s.types.at({"musicbrainz", "label"}).collation, pub("musicbrainz"));
}

TEST(UnknownNames, TypeNotDefinedUnderSeveralSchemasKeptAsWritten) {
    auto s = schema_of(
        "CREATE SCHEMA musicbrainz;\n"
        "SET search_path = musicbrainz, public;\n"
        "CREATE TYPE musicbrainz.mood AS ENUM ('a');\n"
        "CREATE TABLE artist (c cube, m mood);\n");
    const Table& t = s.tables.at({"musicbrainz", "artist"});
    EXPECT_EQ(t.columns[0].type.name, (QualifiedName{"", "cube"}));
    EXPECT_EQ(t.columns[1].type.name, (QualifiedName{"musicbrainz", "mood"}));
    // One schema on the path: an unknown type can only be there (pg_catalog's are known).
    auto one = schema_of("CREATE TABLE t (c cube);");
    EXPECT_EQ(one.tables.at(pub("t")).columns[0].type.name, pub("cube"));
}

}  // namespace
}  // namespace schemerge::test
