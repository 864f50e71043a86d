// setupFiles of the jest project "sqlite": the test files of this project run against SQLite files.
process.env.STELSELGRAPH_TEST_DIALECT = 'sqlite';
