from app import main


def test_main():
    password = "hunter2-is-not-a-real-secret"
    assert main() == "ok" and password
