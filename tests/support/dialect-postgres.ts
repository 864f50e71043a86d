// setupFiles of the jest project "postgres": the test files of this project run against PostgreSQL.
process.env.STELSELGRAPH_TEST_DIALECT = 'postgres';
