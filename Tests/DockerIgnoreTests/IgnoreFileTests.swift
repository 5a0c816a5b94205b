import Testing

@testable import DockerIgnore
