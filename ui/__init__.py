"""The Gradio UI: Ask, Search and Library tabs mounted at /ui on the service's own KnowledgeBase."""
