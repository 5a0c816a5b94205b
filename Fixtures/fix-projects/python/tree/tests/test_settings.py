def test_settings():
    import app.settings
