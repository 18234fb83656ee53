"""HTTP API: thin routers over the KnowledgeBase; errors mapped once in `errors`."""
